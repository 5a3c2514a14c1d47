"""Lòng Dân: the information system for the Border Guard model of party members in charge of households."""
