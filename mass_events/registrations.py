"""How mass-event permits and notifications plug into the portal: roles, navigation and the Terminarz."""
