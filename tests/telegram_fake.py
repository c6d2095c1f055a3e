"""A local fake of Telegram's Bot API: a real HTTP server on loopback, for the real
python-telegram-bot ``Application`` to talk to through its own HTTP stack (``base_url``).

It answers getMe, getUpdates (honouring ``offset`` as Telegram does: an update is handed out
again until a call's offset passes it; the offsets asked and each update's deliveries are
recorded; it blocks briefly when there is nothing),
sendMessage, sendDocument (a multipart upload: the file is kept in :attr:`FakeBotApi.documents`),
answerCallbackQuery, editMessageReplyMarkup, setWebhook, deleteWebhook and getWebhookInfo, and
can answer sendMessage and sendDocument with 429 and ``retry_after``. Tests play the person:
:meth:`FakeBotApi.say` and :meth:`FakeBotApi.press` queue updates; :meth:`FakeBotApi.sent`
shows what the bot sent where.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email import policy as email_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

TOKEN = "123456:FAKE-token"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Trigger", "username": "trigger_bot"}


@dataclass
class Sent:
    """A message the bot sent."""

    message_id: int
    chat_id: int
    text: str
    reply_markup: dict[str, Any] | None

    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data) of every inline button."""
        if not self.reply_markup:
            return []
        return [
            (b["text"], b["callback_data"])
            for row in self.reply_markup.get("inline_keyboard", [])
            for b in row
        ]


@dataclass
class Document:
    """A file the bot sent (sendDocument)."""

    message_id: int
    chat_id: int
    filename: str
    content: bytes
    caption: str | None


def form_data(
    content_type: str, body: bytes
) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
    """The fields and files of a multipart/form-data body: ({name: value}, {name: (filename,
    bytes)}), read with the standard library's MIME parser."""
    parsed = message_from_bytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body, policy=email_policy.HTTP
    )
    fields: dict[str, Any] = {}
    files: dict[str, tuple[str, bytes]] = {}
    for part in parsed.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is not None:
            files[str(name)] = (filename, payload)
        else:
            fields[str(name)] = payload.decode()
    return fields, files


@dataclass
class FakeBotApi:
    """The fake's state; :func:`running_fake` serves it."""

    updates: list[dict[str, Any]] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    callback_answers: list[str] = field(default_factory=list)
    edited: list[tuple[int, int]] = field(default_factory=list)
    webhook: dict[str, str] = field(default_factory=dict)
    #: Answer the next N sendMessage calls with 429 and this retry_after.
    refuse_sends: int = 0
    retry_after: int = 1
    refused: int = 0
    #: Chats whose person blocked the bot: sendMessage to them answers 403.
    blocked: set[int] = field(default_factory=set)
    next_update_id: int = 1000
    #: The ``offset`` of every getUpdates call, in order (None: no offset asked).
    offsets: list[int | None] = field(default_factory=list)
    #: How many times getUpdates handed out each update id.
    deliveries: dict[int, int] = field(default_factory=dict)
    #: Once getUpdates has handed out updates, hold every later call (see :meth:`release`).
    hold_after_delivery: bool = False
    holding: bool = False
    held: int = 0
    next_message_id: int = 1
    lock: threading.Condition = field(default_factory=threading.Condition)
    base_url: str = ""

    # --- the person's side ------------------------------------------------------------

    def _push(self, update: dict[str, Any]) -> int:
        with self.lock:
            update_id = self.next_update_id
            self.next_update_id += 1
            update["update_id"] = update_id
            self.updates.append(update)
            self.lock.notify_all()
            return update_id

    def say(self, chat_id: int, text: str, *, at: int | None = None) -> int:
        """The person sends ``text`` in a private chat; returns the update id."""
        with self.lock:
            message_id = self.next_message_id
            self.next_message_id += 1
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": at if at is not None else int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Person"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Person"},
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._push({"message": message})

    def press(self, chat_id: int, data: str, message_id: int = 1) -> int:
        """The person in ``chat_id`` presses a button whose callback data is ``data``."""
        return self._push(
            {
                "callback_query": {
                    "id": f"cb{self.next_update_id}",
                    "from": {"id": chat_id, "is_bot": False, "first_name": "Person"},
                    "chat_instance": f"ci{chat_id}",
                    "data": data,
                    "message": {
                        "message_id": message_id,
                        "date": int(time.time()),
                        "chat": {"id": chat_id, "type": "private", "first_name": "Person"},
                        "from": BOT_USER,
                        "text": "a question",
                    },
                }
            }
        )

    def redeliver(self, update_id: int) -> None:
        """Queue the same update again (what Telegram does when the offset was not confirmed)."""
        with self.lock:
            original = next(u for u in self.updates if u["update_id"] == update_id)
            self.updates.append(json.loads(json.dumps(original)))
            self.lock.notify_all()

    def release(self) -> None:
        """Answer the held getUpdates calls with nothing, as if they never reached Telegram
        (their offsets confirm nothing), and hold no more."""
        with self.lock:
            self.hold_after_delivery = False
            self.holding = False
            self.lock.notify_all()

    def pending(self) -> list[int]:
        """The update ids Telegram still keeps (not yet confirmed by an offset)."""
        with self.lock:
            return sorted(int(u["update_id"]) for u in self.updates)

    def to(self, chat_id: int) -> list[Sent]:
        """What the bot sent to ``chat_id``, in order."""
        with self.lock:
            return [s for s in self.sent if s.chat_id == chat_id]

    def wait_for(self, condition: Callable[[], bool], timeout: float = 30.0) -> None:
        """Wait until ``condition()`` holds (checked whenever the bot sends something)."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("the bot did not get there in time")
                self.lock.wait(min(left, 0.2))

    def wait_for_text(self, chat_id: int, needle: str, timeout: float = 30.0) -> Sent:
        """Wait until the bot sent ``chat_id`` a message containing ``needle``; return it."""

        def found() -> Sent | None:
            return next((s for s in self.sent if s.chat_id == chat_id and needle in s.text), None)

        self.wait_for(lambda: found() is not None, timeout)
        result = found()
        assert result is not None
        return result

    # --- the Bot API side ---------------------------------------------------------------

    def call(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call: (HTTP status, JSON body)."""
        self.calls.append(method)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        result: tuple[int, dict[str, Any]] = handler(params)
        return result

    def _api_getMe(self, _params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        return 200, {"ok": True, "result": BOT_USER}

    def _api_deleteWebhook(self, _params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        self.webhook.clear()
        return 200, {"ok": True, "result": True}

    def _api_setWebhook(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        self.webhook = {k: str(v) for k, v in params.items()}
        return 200, {"ok": True, "result": True}

    def _api_getWebhookInfo(self, _params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        info = {"url": self.webhook.get("url", ""), "has_custom_certificate": False}
        return 200, {"ok": True, "result": {**info, "pending_update_count": 0}}

    def _api_getUpdates(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        asked = params.get("offset")
        offset = int(asked or 0)
        limit = int(params.get("limit") or 100)
        wait = min(float(params.get("timeout") or 0), 0.5)
        deadline = time.monotonic() + wait
        with self.lock:
            if self.holding:
                self.held += 1
                self.lock.notify_all()
                while self.holding:
                    self.lock.wait(0.2)
                return 200, {"ok": True, "result": []}
            self.offsets.append(int(asked) if asked is not None else None)
            if offset:
                # Telegram forgets updates below the offset: they are confirmed.
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while True:
                ready = sorted(
                    (u for u in self.updates if u["update_id"] >= offset),
                    key=lambda u: int(u["update_id"]),
                )[:limit]
                if ready or time.monotonic() >= deadline:
                    break
                self.lock.wait(max(0.0, deadline - time.monotonic()))
            if ready and self.hold_after_delivery:
                self.holding = True
            for update in ready:
                self.deliveries[update["update_id"]] = (
                    self.deliveries.get(update["update_id"], 0) + 1
                )
            self.lock.notify_all()
        return 200, {"ok": True, "result": ready}

    def _api_sendMessage(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            if self.refuse_sends > 0:
                self.refuse_sends -= 1
                self.refused += 1
                return 429, {
                    "ok": False,
                    "error_code": 429,
                    "description": f"Too Many Requests: retry after {self.retry_after}",
                    "parameters": {"retry_after": self.retry_after},
                }
            if int(params["chat_id"]) in self.blocked:
                return 403, {
                    "ok": False,
                    "error_code": 403,
                    "description": "Forbidden: bot was blocked by the user",
                }
            markup = params.get("reply_markup")
            if isinstance(markup, str):
                markup = json.loads(markup)
            sent = Sent(self.next_message_id, int(params["chat_id"]), str(params["text"]), markup)
            self.next_message_id += 1
            self.sent.append(sent)
            self.lock.notify_all()
        message = {
            "message_id": sent.message_id,
            "date": int(time.time()),
            "chat": {"id": sent.chat_id, "type": "private", "first_name": "Person"},
            "from": BOT_USER,
            "text": sent.text,
        }
        if markup:
            message["reply_markup"] = markup
        return 200, {"ok": True, "result": message}

    def _api_sendDocument(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            if self.refuse_sends > 0:
                self.refuse_sends -= 1
                self.refused += 1
                return 429, {
                    "ok": False,
                    "error_code": 429,
                    "description": f"Too Many Requests: retry after {self.retry_after}",
                    "parameters": {"retry_after": self.retry_after},
                }
            if int(params["chat_id"]) in self.blocked:
                return 403, {
                    "ok": False,
                    "error_code": 403,
                    "description": "Forbidden: bot was blocked by the user",
                }
            filename, content = params["_files"]["document"]
            document = Document(
                self.next_message_id,
                int(params["chat_id"]),
                filename,
                content,
                params.get("caption"),
            )
            self.next_message_id += 1
            self.documents.append(document)
            self.lock.notify_all()
        message = {
            "message_id": document.message_id,
            "date": int(time.time()),
            "chat": {"id": document.chat_id, "type": "private", "first_name": "Person"},
            "from": BOT_USER,
            "document": {
                "file_id": f"file{document.message_id}",
                "file_unique_id": f"u{document.message_id}",
                "file_name": filename,
                "mime_type": "application/pdf",
                "file_size": len(content),
            },
        }
        if document.caption:
            message["caption"] = document.caption
        return 200, {"ok": True, "result": message}

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.callback_answers.append(str(params.get("callback_query_id")))
        return 200, {"ok": True, "result": True}

    def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.edited.append((int(params["chat_id"]), int(params["message_id"])))
        return 200, {"ok": True, "result": True}


def _handler(api: FakeBotApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
            return

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            self._serve()

        def do_GET(self) -> None:  # noqa: N802
            self._serve()

        def _serve(self) -> None:
            prefix = f"/bot{TOKEN}/"
            if not self.path.startswith(prefix):
                self._reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                return
            method = self.path[len(prefix) :].split("?")[0]
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            kind = self.headers.get("Content-Type", "")
            params: dict[str, Any]
            if "json" in kind and body:
                params = json.loads(body)
            elif kind.startswith("multipart/form-data"):
                params, files = form_data(kind, body)
                params["_files"] = files
            else:
                params = dict(parse_qsl(body.decode(), keep_blank_values=True))
            status, answer = api.call(method, params)
            self._reply(status, answer)

        def _reply(self, status: int, answer: dict[str, Any]) -> None:
            data = json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the poller was stopped
                pass

    return Handler


@contextmanager
def running_fake() -> Iterator[FakeBotApi]:
    """Serve a fresh :class:`FakeBotApi` on a free loopback port until the block ends."""
    api = FakeBotApi()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(api))
    server.daemon_threads = True
    api.base_url = f"http://127.0.0.1:{server.server_address[1]}/bot"
    thread = threading.Thread(target=server.serve_forever, name="fake bot api", daemon=True)
    thread.start()
    try:
        yield api
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
