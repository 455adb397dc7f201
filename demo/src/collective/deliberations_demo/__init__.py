"""The demo site: Communauté de communes du Val d'Exemple. For demonstrations only."""
