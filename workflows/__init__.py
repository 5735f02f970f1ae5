"""What happens over time: pure rules (what is due), Prefect flows, APScheduler wiring.

Empty until the follow-up engine (issue 3); planning a year lives in
`tasks_catalog.year_plan` because it is a function of the catalogue alone.
"""
