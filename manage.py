#!/usr/bin/env python
"""Same as the `longdan` command, for those who type manage.py by habit."""

from longdan.cli import main

if __name__ == "__main__":
    main()
