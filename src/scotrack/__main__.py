"""`python -m scotrack`."""

from scotrack.cli import main

main()
