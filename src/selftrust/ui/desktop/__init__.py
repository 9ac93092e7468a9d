"""The app as a desktop citizen: tray, reminders' timer, one instance per data folder."""
