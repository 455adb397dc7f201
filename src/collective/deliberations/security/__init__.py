"""Who sees and changes what: workflow chains, groups that follow the bodies and services, derived local roles."""
