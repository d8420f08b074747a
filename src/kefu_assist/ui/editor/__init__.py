"""The script editor for team leads (编辑话术): a window of its own over the library
(``window.EditorWindow``), opened from the sidebar by ``entry.EditorEntry`` (a button and Ctrl+E,
hidden when the ``team_lead_tools`` setting is off). Nothing is imported here, so the sidebar's
start-up does not pay for the editor until it is opened."""
