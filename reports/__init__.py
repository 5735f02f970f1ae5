"""What leaders read: the dashboard figures, the monthly report, the scorecard and the calendar
feeds, computed from the tasks as of a given day."""
