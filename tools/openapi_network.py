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
                     "score": {"type": "number"}, "reason": {"type": "string"}}}
P["/api/v1/network/report"] = {"get": op("The network report (organizers; hidden members left out)", "networkReport", "network analysis",
    schema=ref("NetworkReport"), params=NET_PARAMS, errors=("400", "401", "403"))}
P["/api/v1/network/members/{id}"] = {"get": op("A member's position in the network (organizers; members: only their own)",
    "networkPosition", "network analysis", schema={"type": "object"}, params=[pid()] + NET_PARAMS)}
P["/api/v1/network/suggestions"] = {"get": op("Weaving suggestions: introductions (members: those involving them) and whom to invite (organizers)",
    "networkSuggestions", "network analysis", schema={"type": "object", "properties": {
        "introductions": {"type": "array", "items": ref("Introduction")}, "invite": {"type": "array", "items": {"type": "object"}}}},
    params=[q("limit", "At most this many of each (1-50)", {"type": "integer", "minimum": 1, "maximum": 50})], errors=("400", "401"))}
P["/api/v1/network/map"] = {"get": op("Map data: nodes with server-side layout positions, edges, sectors, communities (organizers)",
    "networkMap", "network analysis", schema={"type": "object"}, params=NET_PARAMS[:2], errors=("400", "401", "403"))}
P["/api/v1/network/events"] = {"get": op("Event yield, online-only ties per sector pair, fading members (organizers)",
    "networkEvents", "network analysis", schema={"type": "object"}, errors=("400", "401", "403"))}
