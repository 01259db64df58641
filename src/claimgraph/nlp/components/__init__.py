"""The pipeline itself: loading the model with our components, the one registry of their factories, running
it over documents in one process, several, or a Dask cluster, and turning its output into records."""
