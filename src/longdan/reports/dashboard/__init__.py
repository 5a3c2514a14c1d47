"""The dashboard and the map: the indicators of a scope on a page, and its households on a map."""
