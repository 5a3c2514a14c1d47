"""The API's routers, one per domain; each endpoint parses, calls a selector or a service, and answers."""
