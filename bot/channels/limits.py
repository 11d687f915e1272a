"""Message limits, as each platform documents them (lengths in UTF-16 code units, see split)."""

from __future__ import annotations

# Bot API sendMessage: "Text of the message to be sent, 1-4096 characters after entities parsing".
TELEGRAM_TEXT = 4096
# InlineKeyboardButton.callback_data: "Data to be sent in a callback query ..., 1-64 bytes".
TELEGRAM_CALLBACK_DATA_BYTES = 64

# Block Kit: a section block's text is at most 3000 characters; a message holds at most 50
# blocks; chat.postMessage truncates `text` over 40,000 characters; an actions block holds at
# most 25 elements; a button's text at most 75 characters and its value at most 2000.
SLACK_SECTION_TEXT = 3000
SLACK_MESSAGE_TEXT = 40000
SLACK_BLOCKS = 50
SLACK_ACTIONS_ELEMENTS = 25
SLACK_BUTTON_TEXT = 75
SLACK_BUTTON_VALUE = 2000

# Messenger Send API: text "must be UTF-8 and has a 2000 character limit"; at most 13 quick
# replies; a quick reply's title at most 20 characters and its payload at most 1000.
MESSENGER_TEXT = 2000
MESSENGER_QUICK_REPLIES = 13
MESSENGER_QUICK_REPLY_TITLE = 20
MESSENGER_QUICK_REPLY_PAYLOAD = 1000

# Twilio Messages resource: Body "can be up to 1,600 characters" (error 21617 / 21658). This is
# Twilio's limit for every channel it sends through, WhatsApp included, even though WhatsApp
# itself takes 4096 characters per text message.
TWILIO_BODY = 1600
WHATSAPP_TEXT = 4096
TWILIO_WHATSAPP_BODY = min(TWILIO_BODY, WHATSAPP_TEXT)

# Longest user message passed on to Rasa; longer ones are cut. The platforms' own limits are
# lower (Telegram 4096, Messenger 2000, SMS 1600), except Slack's 40,000; only a forged or
# broken request gets near this, and it must not tie the NLU pipeline up.
MAX_USER_TEXT = 5000

# A configured lower limit (for example to keep SMS to fewer segments) is never below this.
MIN_CONFIGURED = 100


def effective_limit(configured: object, platform_max: int) -> int:
    """The configured limit as a number, kept within [MIN_CONFIGURED, platform_max]."""
    try:
        value = int(str(configured).strip())
    except (TypeError, ValueError):
        return platform_max
    return max(MIN_CONFIGURED, min(value, platform_max))
