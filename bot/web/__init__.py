"""The website chat page and the staff lookup page, served by bot.web.server."""
