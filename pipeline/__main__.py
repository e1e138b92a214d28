"""`python -m pipeline`: the same as the console script `shtab`."""

from .entry import main

main()
