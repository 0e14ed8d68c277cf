# /api/v1/network/... — the leader's view (exec'd by tools/gen_openapi.py).
NET_PARAMS = [q("real_only", "Metrics on face-to-face ties only", {"type": "boolean"}),
              q("as_of", "The network as of this date (YYYY-MM-DD)", {"type": "string", "format": "date"}),
              q("fading_days", "Days without interaction after which a member counts as fading", {"type": "integer", "minimum": 1})]
S["NetworkReport"] = {"type": "object", "description": "The analysis report: network summary, per-member metrics "
                      "(betweenness, k-core, community, Burt's constraint, effective size, Gould–Fernandez brokerage), "
                      "weaving suggestions, online-only ties per sector pair, fading members, event yield.",
                      "properties": {"network": {"type": "object"}, "members": {"type": "array", "items": {"type": "object"}},
                                     "suggestions": {"type": "object"}}}
S["Introduction"] = {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"},
                     "via": {"type": "string", "description": "The mutual contact who can make the introduction warm"},
                     "score": {"type": "number"}, "reason": {"type": "string", "description": "In English, with sector keys (for API clients)"},
                     "a_name": {"type": "string"}, "b_name": {"type": "string"}, "via_name": {"type": "string"},
                     "a_sector": {"type": "string"}, "b_sector": {"type": "string"},
                     "common_contacts": {"type": "integer", "minimum": 0, "description": "Members tied to both (the via among them); "
                                         "with different_sectors (a_sector, b_sector are keys) and different_communities, what "
                                         "`reason` says in English, for a client to word in its own language"},
                     "different_sectors": {"type": "boolean"},
                     "different_communities": {"type": "boolean", "description": "In different communities of the network"},
                     "can_introduce": {"type": "boolean", "description": "Organizers: false when a profile involved is not "
                                       "visible to all members (POST /network/introductions would refuse it)"}}}
P["/api/v1/network/report"] = {"get": op("The network report (organizers; hidden members left out)", "networkReport", "network analysis",
    schema=ref("NetworkReport"), params=NET_PARAMS, errors=("400", "401", "403"))}
P["/api/v1/network/members/{id}"] = {"get": op("A member's position in the network (organizers; members: only their own)",
    "networkPosition", "network analysis", schema={"type": "object"}, params=[pid()] + NET_PARAMS)}
P["/api/v1/network/suggestions"] = {"get": op("Weaving suggestions: introductions (members: those involving them) and whom to invite (organizers)",
    "networkSuggestions", "network analysis", schema={"type": "object", "properties": {
        "introductions": {"type": "array", "items": ref("Introduction")}, "invite": {"type": "array", "items": {"type": "object"}}}},
    params=[q("limit", "At most this many of each (1-50)", {"type": "integer", "minimum": 1, "maximum": 50})], errors=("400", "401"))}
S["NetworkMap"] = {"type": "object", "description": "Nodes with server-side layout positions (0..1000), sector, community, "
                   "degree, betweenness, total brokerage and k-core; each tie once with whether it ever met face to face. "
                   "With compact=true edges are [source node index, target node index, 1 if real else 0].",
                   "properties": {"nodes": {"type": "array", "items": {"type": "object", "properties": {
                       "id": {"type": "string"}, "name": {"type": "string"}, "sector": {"type": "string"},
                       "community": {"type": "integer"}, "x": {"type": "number"}, "y": {"type": "number"},
                       "degree": {"type": "integer"}, "betweenness": {"type": "number", "nullable": True},
                       "brokerage": {"type": "integer"}, "core": {"type": "integer"}}}},
                       "edges": {"type": "array", "items": {}}, "sectors": {"type": "array", "items": {"type": "string"}},
                       "communities": {"type": "integer"}, "members": {"type": "integer"}, "ties": {"type": "integer"},
                       "real_ties": {"type": "integer"}, "compact": {"type": "boolean"},
                       "drawn_ties": {"type": "integer", "description": "ties in edges (all ties when selection is 'all')"},
                       "drawn_real_ties": {"type": "integer", "description": "face-to-face ties among the drawn ones"},
                       "selection": {"type": "string", "enum": ["all", "strongest"],
                                     "description": "'strongest' when the tie budget left ties out"},
                       "per_member": {"type": "integer", "description": "strongest ties kept per member under a budget"},
                       "max_ties": {"type": "integer", "description": "the tie budget applied"},
                       "computed_at": {"type": "integer", "format": "int64", "description": "when the map was computed (unix seconds)"},
                       "age_seconds": {"type": "integer", "description": "seconds since computed_at"},
                       "stale": {"type": "boolean", "description": "the network changed since; a new map is being computed"}}}
MAP_503 = {"503": resp("The first map of this view is being computed: retry after Retry-After seconds", ref("Error"))}
P["/api/v1/network/map"] = {"get": op("Map data: nodes with server-side layout positions, the ties to draw, sectors, communities "
    "(organizers); computed in the background", "networkMap", "network analysis", schema=ref("NetworkMap"),
    params=NET_PARAMS[:2] + [q("compact", "Edges as [source index, target index, real] arrays", {"type": "boolean"}),
                             q("max_ties", "Tie budget: above it each member keeps its 3 strongest ties, then the strongest "
                               "face-to-face ties fill the rest (default 40000)", {"type": "integer", "minimum": 1, "maximum": 100000000})],
    errors=("400", "401", "403"), extra=MAP_503)}
P["/api/v1/network/map/ties/{id}"] = {"get": op("All ties of one member on the current map (the map may draw only some), "
    "as [member id, 1 if face to face else 0] (organizers)", "networkMapTies", "network analysis",
    schema={"type": "object", "required": ["id", "ties", "computed_at"], "properties": {
        "id": {"type": "string"}, "ties": {"type": "array", "items": {"type": "array", "items": {}}},
        "computed_at": {"type": "integer", "format": "int64"}}},
    params=[pid()] + NET_PARAMS[:2], extra=MAP_503)}
P["/api/v1/network/health"] = {"get": op("The network's health: real-tie share, cross-sector ties, E-I per sector, isolated and "
    "fading members, event yield over time, online-only ties per sector pair (organizers)",
    "networkHealth", "network analysis", schema={"type": "object", "properties": {
        "members": {"type": "integer"}, "ties": {"type": "integer"}, "real_ties": {"type": "integer"},
        "real_tie_share": {"type": "number", "nullable": True}, "cross_sector_ties": {"type": "integer"},
        "cross_sector_real_ties": {"type": "integer"}, "ei_index": {"type": "number", "nullable": True},
        "sectors": {"type": "array", "items": {"type": "object"}}, "isolated_count": {"type": "integer"},
        "isolated": {"type": "array", "items": {"type": "object"}}, "fading_count": {"type": "integer"},
        "fading": {"type": "array", "items": {"type": "object"}}, "events": {"type": "array", "items": {"type": "object"}},
        "online_only": {"type": "array", "items": {"type": "object"}}}},
    params=NET_PARAMS[2:], errors=("400", "401", "403"))}
P["/api/v1/network/health/trend"] = {"get": op("The health trend per calendar month (Europe/Amsterdam), from the "
    "ledger's dates: ties as they stood at each month's end (real = met face to face at least once; cross-sector = "
    "the members' sectors differ) and members active in the month (any ledger record dated in it). Only members the "
    "viewer may see (organizers)", "networkHealthTrend", "network analysis", schema={"type": "object", "properties": {
        "time_zone": {"type": "string", "example": "Europe/Amsterdam"},
        "months": {"type": "array", "description": "Oldest first, ending with the current month", "items": {
            "type": "object", "properties": {
                "month": {"type": "string", "example": "2026-03"},
                "starts_at": {"type": "integer", "description": "Unix seconds, first instant of the month"},
                "ends_at": {"type": "integer", "description": "Unix seconds, first instant of the next month"},
                "ties": {"type": "integer"}, "real_ties": {"type": "integer"},
                "real_tie_share": {"type": "number", "nullable": True, "description": "null without ties"},
                "cross_sector_ties": {"type": "integer"},
                "cross_sector_share": {"type": "number", "nullable": True},
                "active_members": {"type": "integer"}}}}}},
    params=[q("months", "How many months (1-36, default 12)", {"type": "integer", "minimum": 1, "maximum": 36, "default": 12})],
    errors=("400", "401", "403"))}
S["IntroductionRequest"] = {"type": "object", "required": ["a", "b"], "additionalProperties": False, "properties": {
    "a": {"type": "integer", "format": "int64", "minimum": 1}, "b": {"type": "integer", "format": "int64", "minimum": 1},
    "via": {"type": "integer", "format": "int64", "minimum": 1, "nullable": True, "description": "The mutual contact"},
    "message": {"type": "string", "maxLength": 1000}}}
P["/api/v1/network/introductions"] = {"post": op("Introduce two members who are not tied yet (organizers): records the "
    "introduction, notifies both in-app; the pair leaves the suggestions", "createIntroduction", "network analysis", ok="201",
    schema={"type": "object", "properties": {"id": {"type": "integer"}, "a": {"type": "integer"}, "b": {"type": "integer"},
        "via": {"type": "integer", "nullable": True}, "message": {"type": "string"}, "introduced_by": {"type": "integer"},
        "created_at": {"type": "integer"}}},
    body=ref("IntroductionRequest"), extra={"409": {"$ref": "#/components/responses/Conflict"}})}
P["/api/v1/network/events"] = {"get": op("Event yield, online-only ties per sector pair, fading members (organizers)",
    "networkEvents", "network analysis", schema={"type": "object"}, errors=("400", "401", "403"))}
