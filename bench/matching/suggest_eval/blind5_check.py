#!/usr/bin/env python3
"""Checks blind5_pairs.json (pair ids 501-560, attendees eq/et/ed); the rules are in blind_check.py."""
import sys

from blind_check import check

if __name__ == "__main__":
    sys.exit(check("blind5", 501, "e"))
