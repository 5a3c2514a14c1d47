"""Date and number formats for our languages (settings.FORMAT_MODULE_PATH), on top of Django's own.

Vietnam writes the day first: 01/03/2025 is the first of March. Django's `vi` formats have no
input formats, so forms and the admin fell back to the American month-first list; its `en`
formats are American too. An officer reading the English pages still works in Vietnam, so both
languages read and show dd/mm/yyyy. ISO dates stay accepted: `<input type="date">` posts them.
"""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%y %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%d/%m/%Y",
    "%Y-%m-%d",
]
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
