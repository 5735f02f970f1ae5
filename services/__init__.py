"""The office's decisions: who may do what to a task, in one transaction with its audit line,
its follow-up and the notification the other side needs. The web pages, the CLI, the e-mail
link pages and the BDD steps all change tasks through here."""
