#!/usr/bin/env python3
"""Checks blind6_pairs.json (pair ids 601-660, attendees fq/ft/fd); the rules are in blind_check.py."""
import sys

from blind_check import check

if __name__ == "__main__":
    sys.exit(check("blind6", 601, "f"))
