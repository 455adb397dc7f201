"""The audit log: who did what on séances, acts, documents, archives and security settings (issue 13, finding 15)."""
