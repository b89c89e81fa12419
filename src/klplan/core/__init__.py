"""The pure core: models, ISO weeks and the scheduler. No I/O, no clock, no Rich."""
