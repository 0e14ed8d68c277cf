#!/usr/bin/env python3
"""Checks blind7_pairs.json (pair ids 701-760, attendees gq/gt/gd); the rules are in blind_check.py."""
import sys

from blind_check import check

if __name__ == "__main__":
    sys.exit(check("blind7", 701, "g"))
