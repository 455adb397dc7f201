"""What happens when the objects change: groups, agenda, derived local roles, workflow rules."""
