"""What happens over time: the follow-up engine (pure rules, the sweep, rescheduling),
planning a year into tasks, the forecast, the embedded scheduler and the Prefect flows.

What is due in a year is a function of the catalogue alone (`tasks_catalog.year_plan`);
this package turns it into tasks with reminders and keeps them moving.
"""
