#!/usr/bin/env python3
"""Checks blind8_pairs.json (pair ids 801-860, attendees hq/ht/hd); the rules are in blind_check.py."""
import sys

from blind_check import check

if __name__ == "__main__":
    sys.exit(check("blind8", 801, "h"))
