"""Training: settings, the fit of a design to a data set, losses, the loop and its events."""
