"""parse_email: MIME decoding as real clients send it, built here with the stdlib ``email``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email.mime.application import MIMEApplication
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import SMTP

import pytest

from intake.errors import RejectedMessage
from intake.headers import parse_header_date
from intake.mime import parse_email, unflow
from nlp.document import Document, SegmentKind

DATE = "Mon, 14 Sep 2026 20:47:12 +0100"
BST = timezone(timedelta(hours=1))


def _headers(message: MIMEText | MIMEMultipart, date: str | None = DATE) -> bytes:
    message["From"] = "Grace Adeyemi <grace.adeyemi@example.net>"
    message["To"] = "asb@example.gov.uk"
    message["Subject"] = "Community Trigger"
    if date is not None:
        message["Date"] = date
    return message.as_bytes(policy=SMTP)


def _plain(body: str, charset: str = "utf-8", encoding: str | None = None) -> bytes:
    message = MIMEText(body, "plain", charset)
    if encoding is not None:
        del message["Content-Transfer-Encoding"]
        payload = body.encode(charset)
        if encoding == "quoted-printable":
            import quopri

            message.set_payload(quopri.encodestring(payload).decode("ascii"))
        else:
            import base64

            message.set_payload(base64.encodebytes(payload).decode("ascii"))
        message["Content-Transfer-Encoding"] = encoding
    return _headers(message)


def _kinds(document: Document) -> list[str]:
    return [segment.kind.value for segment in document.segments]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        pytest.param(
            _plain("Caf\u00e9 window smashed \u2013 again.\n", "utf-8", "quoted-printable"),
            "Caf\u00e9 window smashed \u2013 again.\n",
            id="quoted-printable utf-8",
        ),
        pytest.param(
            _plain("They\u2019re back. \u00a340 of damage.\n", "utf-8", "base64"),
            "They\u2019re back. \u00a340 of damage.\n",
            id="base64 utf-8",
        ),
        pytest.param(
            _plain("\u2018fat cow\u2019 \u2013 she said\n", "windows-1252", "quoted-printable"),
            "\u2018fat cow\u2019 \u2013 she said\n",
            id="windows-1252 quoted-printable",
        ),
        pytest.param(
            _plain("Caf\u00e9 \u00a345 na\u00efve\n", "iso-8859-1", "quoted-printable"),
            "Caf\u00e9 \u00a345 na\u00efve\n",
            id="iso-8859-1 quoted-printable",
        ),
    ],
)
def test_parse_email_decodes_transfer_encodings_and_charsets(raw: bytes, text: str) -> None:
    assert parse_email(raw).text == text


def test_parse_email_reads_raw_8bit_iso_8859_1_body() -> None:
    raw = (
        b"From: Gordon Fairley <gordon@example.com>\r\nDate: " + DATE.encode() + b"\r\n"
        b"Subject: noise\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\nI paid \xa345 for a noise app.\r\n"
    )
    assert parse_email(raw).text == "I paid \u00a345 for a noise app.\n"


def test_parse_email_decodes_rfc2047_subject_and_sender_name() -> None:
    message = MIMEText("Hello\n", "plain", "utf-8")
    message["From"] = "=?windows-1252?Q?Chlo=EB_Marsden?= <chloe.marsden@example.net>"
    message["Subject"] = "=?utf-8?B?QVNCIOKAkyBGbGF0IDM=?="
    message["Date"] = DATE
    document = parse_email(message.as_bytes())
    assert document.sender is not None
    assert document.sender.name == "Chlo\u00eb Marsden"
    assert document.sender.email == "chloe.marsden@example.net"
    assert document.subject == "ASB \u2013 Flat 3"


def test_parse_email_uses_plain_part_of_multipart_alternative() -> None:
    message = MIMEMultipart("alternative")
    message.attach(MIMEText("Plain words.\n", "plain", "utf-8"))
    message.attach(MIMEText("<p>HTML words.</p>", "html", "utf-8"))
    assert parse_email(_headers(message)).text == "Plain words.\n"


def test_parse_email_renders_html_only_body_as_readable_text() -> None:
    html = (
        "<html><head><style>p {color: red}</style></head><body>"
        "<p>Dear Unit,</p><p>They said &quot;go back&quot; &amp; spat.<br>Twice.</p>"
        "<div>Samuel Mensah<br>Flat 4</div></body></html>"
    )
    document = parse_email(_headers(MIMEText(html, "html", "utf-8")))
    assert document.text == (
        'Dear Unit,\n\nThey said "go back" & spat.\nTwice.\n\nSamuel Mensah\nFlat 4\n'
    )
    assert _kinds(document) == ["body", "signature"]


def test_parse_email_lists_attachments_without_parsing_them() -> None:
    message = MIMEMultipart("mixed")
    message.attach(MIMEText("Photo attached.\n", "plain", "utf-8"))
    photo = MIMEApplication(b"\xff\xd8\xff\xe0 not really a jpeg", "jpeg")
    photo.add_header("Content-Disposition", "attachment", filename="photo.jpg")
    message.attach(photo)
    document = parse_email(_headers(message))
    assert document.attachments == ("photo.jpg",)
    assert document.text == "Photo attached.\n"


def test_parse_email_undoes_format_flowed_soft_breaks() -> None:
    body = "We reported it to the \r\npolice the next \r\nmorning.\r\n-- \r\nOwen\r\n"
    raw = (
        b"From: Owen Pryce <owen@example.com>\r\nDate: " + DATE.encode() + b"\r\n"
        b"Subject: x\r\nContent-Type: text/plain; charset=UTF-8; format=flowed\r\n"
        b"Content-Transfer-Encoding: 7bit\r\n\r\n" + body.encode()
    )
    document = parse_email(raw)
    assert document.text == "We reported it to the police the next morning.\n-- \nOwen\n"
    assert _kinds(document) == ["body", "signature"]


@pytest.mark.parametrize(
    ("flowed", "delsp", "text"),
    [
        ("a \nb\n", False, "a b\n"),
        ("a \nb\n", True, "ab\n"),
        ("> q1 \n> q2\nplain\n", False, "> q1 q2\nplain\n"),
        (" >not a quote\n", False, ">not a quote\n"),
        ("-- \nsig\n", False, "-- \nsig\n"),
    ],
)
def test_unflow_joins_soft_breaks_per_rfc3676(flowed: str, delsp: bool, text: str) -> None:
    assert unflow(flowed, delsp=delsp) == text


def test_parse_email_normalises_crlf_to_newline() -> None:
    document = parse_email(_plain("one\r\ntwo\r\n"))
    assert "\r" not in document.text
    assert document.text == "one\ntwo\n"


def test_parse_email_keeps_date_header_offset() -> None:
    assert parse_email(_plain("x\n")).received_at == datetime(2026, 9, 14, 20, 47, 12, tzinfo=BST)


def test_parse_email_without_date_falls_back_to_newest_received_header() -> None:
    message = MIMEText("Hello\n", "plain", "utf-8")
    message["Received"] = "from b.example by c.example; Tue, 15 Sep 2026 09:00:00 +0000"
    message["Received"] = "from a.example by b.example; Tue, 15 Sep 2026 08:59:00 +0000"
    raw = _headers(message, date=None)
    assert parse_email(raw).received_at == datetime(2026, 9, 15, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("date", [None, "yesterday-ish", "Mon, 99 Foo 2026 99:99:99 +0100"])
def test_parse_email_without_usable_date_is_rejected(date: str | None) -> None:
    with pytest.raises(RejectedMessage, match="no usable Date: header"):
        parse_email(_headers(MIMEText("Hello\n", "plain", "utf-8"), date=date))


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\xff\xfe garbage \x89PNG\r\n\x1a\n",
        b"just a line of text with no headers at all\n",
        bytes(range(256)),
    ],
)
def test_parse_email_rejects_garbage_bytes(raw: bytes) -> None:
    with pytest.raises(RejectedMessage):
        parse_email(raw)


def test_parse_email_rejects_message_over_size_limit() -> None:
    with pytest.raises(RejectedMessage, match="too large"):
        parse_email(_plain("x" * 2000), max_bytes=1000)


def test_parse_email_rejects_message_without_text() -> None:
    message = MIMEMultipart("mixed")
    photo = MIMEApplication(b"\x00\x01", "octet-stream")
    photo.add_header("Content-Disposition", "attachment", filename="a.bin")
    message.attach(photo)
    with pytest.raises(RejectedMessage, match="no text"):
        parse_email(_headers(message))


def test_parse_email_splits_signature_and_footer_from_body() -> None:
    body = (
        "They kicked the door last night.\n\n"
        "Kind regards,\nPriya Chauhan\nTenancy Officer\nTel: 0116 496 0912\n\n"
        "This email and any attachments are confidential and intended solely for the "
        "addressee.\n"
    )
    document = parse_email(_plain(body))
    assert _kinds(document) == ["body", "signature", "footer"]
    assert [document.segment_text(s) for s in document.segments] == [
        "They kicked the door last night.",
        "Kind regards,\nPriya Chauhan\nTenancy Officer\nTel: 0116 496 0912",
        "This email and any attachments are confidential and intended solely for the addressee.",
    ]
    assert document.segments[1].author is not None
    assert document.segments[1].author.name == "Priya Chauhan"
    assert document.segments[1].author.phone == "0116 496 0912"


def test_parse_email_marks_quoted_reply_as_quoted_with_its_date() -> None:
    body = (
        "Yes, it happened again last night.\n\n"
        "On Mon, 14 Sep 2026 at 10:02, ASB Team <asb@example.gov.uk> wrote:\n"
        "> Has anything happened since?\n> Regards, ASB Team\n"
    )
    message = MIMEText(body, "plain", "utf-8")
    message["Subject"] = "Re: your case"
    message["From"] = "grace@example.net"
    message["Date"] = DATE
    document = parse_email(message.as_bytes())
    assert _kinds(document) == ["body", "quoted"]
    quoted = document.segments[1]
    assert quoted.reference == datetime(2026, 9, 14, 10, 2, tzinfo=BST)
    assert quoted.author is not None and quoted.author.email == "asb@example.gov.uk"
    assert document.segment_text(quoted).endswith("> Regards, ASB Team")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Fri, 2 Oct 2026 at 10:26", datetime(2026, 10, 2, 10, 26, tzinfo=BST)),
        ("Mon, 14 Sep 2026 at 20:47", datetime(2026, 9, 14, 20, 47, tzinfo=BST)),
        ("14 September 2026 20:47", datetime(2026, 9, 14, 20, 47, tzinfo=BST)),
        ("Wednesday, 19 August 2026 21:37", datetime(2026, 8, 19, 21, 37, tzinfo=BST)),
        ("Monday, September 14, 2026 8:47 PM", datetime(2026, 9, 14, 20, 47, tzinfo=BST)),
        ("11 September 2026 at 19:42:10 BST", datetime(2026, 9, 11, 19, 42, 10, tzinfo=BST)),
        ("Thu, 29 Oct 2026 16:48:22 +0000", datetime(2026, 10, 29, 16, 48, 22, tzinfo=UTC)),
        ("14/09/2026 20:47", datetime(2026, 9, 14, 20, 47, tzinfo=BST)),
        ("04/09/2026 09:15", datetime(2026, 9, 4, 9, 15, tzinfo=BST)),
        ("2 December 2026 09:00", datetime(2026, 12, 2, 9, 0, tzinfo=UTC)),
        ("14 Sep 2026, 20:47", datetime(2026, 9, 14, 20, 47, tzinfo=BST)),
    ],
)
def test_parse_header_date_reads_each_clients_format(value: str, expected: datetime) -> None:
    parsed = parse_header_date(value)
    assert parsed == expected
    assert parsed is not None and parsed.tzinfo is not None


@pytest.mark.parametrize("value", ["", "not a date", "x" * 500])
def test_parse_header_date_gives_none_for_non_dates(value: str) -> None:
    assert parse_header_date(value) is None


OUTLOOK_HTML_FORWARD = (
    '<html><body><div class="WordSection1"><p class="MsoNormal">Please see below.<o:p></o:p></p>'
    '<p class="MsoNormal">Kind regards,<br>Priya Shah</p>'
    '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
    '<p class="MsoNormal"><b>From:</b> Ann Lee &lt;ann.lee@example.net&gt; <br><b>Sent:</b> '
    "14 September 2026 20:47<br><b>To:</b> Priya Shah &lt;p.shah@example.org&gt;<br>"
    "<b>Subject:</b> door<o:p></o:p></p></div>"
    '<p class="MsoNormal">They kicked the door&nbsp;last night.</p><p>Ann</p></div></body></html>'
)
GMAIL_HTML_FORWARD = (
    '<div dir="ltr">See below<br clear="all"><div><br></div>-- <br><div dir="ltr" '
    'class="gmail_signature">Tom Reed<br>07700 900 222</div><br><div class="gmail_quote">'
    '<div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: '
    '<strong class="gmail_sendername" dir="auto">Ann Lee</strong> <span dir="auto">&lt;'
    '<a href="mailto:ann.lee@example.net">ann.lee@example.net</a>&gt;</span><br>Date: Mon, 14 '
    'Sep 2026 at 20:47<br>Subject: door<br>To: &lt;<a href="mailto:t@example.org">'
    't@example.org</a>&gt;<br></div><br><br><div dir="ltr">They kicked the door.<div><br>'
    "</div><div>Ann</div></div></div></div>"
)


@pytest.mark.parametrize(
    ("html", "own", "original"),
    [
        pytest.param(
            OUTLOOK_HTML_FORWARD,
            ["Please see below.", "Kind regards,\nPriya Shah"],
            "They kicked the door last night.",
            id="outlook html",
        ),
        pytest.param(
            GMAIL_HTML_FORWARD,
            ["See below", "--\nTom Reed\n07700 900 222"],
            "They kicked the door.",
            id="gmail html",
        ),
    ],
)
def test_parse_email_unwraps_html_only_forwards(html: str, own: list[str], original: str) -> None:
    message = MIMEText(html, "html", "utf-8")
    message["From"] = "Tom <t@example.org>"
    message["Date"] = "Tue, 15 Sep 2026 09:00:00 +0100"
    message["Subject"] = "Fwd: door"
    document = parse_email(message.as_bytes())
    assert [document.segment_text(s) for s in document.segments if s.depth == 0] == own
    forwarded = [s for s in document.segments if s.kind is SegmentKind.FORWARDED]
    assert [document.segment_text(s) for s in forwarded] == [original]
    assert forwarded[0].author is not None
    assert forwarded[0].author.email == "ann.lee@example.net"
    assert forwarded[0].reference == datetime(2026, 9, 14, 20, 47, tzinfo=BST)
    assert _kinds(document)[-1] == "signature"


def test_parse_email_unwraps_forward_sent_as_attached_message() -> None:
    inner = MIMEText("They kicked the door last night.\n\nAnn\n07700 900 123\n", "plain", "utf-8")
    inner["From"] = "Ann Lee <ann.lee@example.net>"
    inner["Date"] = "Mon, 14 Sep 2026 20:47:00 +0100"
    inner["Subject"] = "door"
    outer = MIMEMultipart("mixed")
    outer.attach(MIMEText("See attached from Ann.\n\nPriya\n", "plain", "utf-8"))
    outer.attach(MIMEMessage(inner))
    outer["From"] = "Priya Shah <p.shah@example.org>"
    outer["Date"] = "Tue, 15 Sep 2026 09:00:00 +0100"
    outer["Subject"] = "FW: door"
    document = parse_email(outer.as_bytes())
    assert [(s.kind.value, s.depth) for s in document.segments] == [
        ("body", 0),
        ("signature", 0),
        ("header", 1),
        ("forwarded", 1),
        ("signature", 1),
    ]
    forwarded = document.segments[3]
    assert document.segment_text(forwarded) == "They kicked the door last night."
    assert forwarded.author is not None and forwarded.author.email == "ann.lee@example.net"
    assert forwarded.reference == datetime(2026, 9, 14, 20, 47, tzinfo=BST)
    signature = document.segments[4]
    assert signature.author is not None and signature.author.phone == "07700 900 123"


def test_parse_email_falls_back_to_html_when_plain_part_is_empty() -> None:
    message = MIMEMultipart("alternative")
    message.attach(MIMEText("\n", "plain", "utf-8"))
    message.attach(MIMEText("<p>They came back.</p>", "html", "utf-8"))
    assert parse_email(_headers(message)).text == "They came back.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("14 Sep 2026 20:47 (GMT+01:00)", datetime(2026, 9, 14, 20, 47, tzinfo=BST)),
        ("Mon, 14 Sep 2026 20:47:12 -0000", datetime(2026, 9, 14, 20, 47, 12, tzinfo=UTC)),
        ("Mon, 14 Sep 2026 20:47:12", datetime(2026, 9, 14, 20, 47, 12, tzinfo=BST)),
        ("9/14/2026 8:47 PM", datetime(2026, 9, 14, 20, 47, tzinfo=BST)),
        ("Llun, 14 Medi 2026 am 20:47", datetime(2026, 9, 14, 20, 47, tzinfo=BST)),
    ],
)
def test_parse_header_date_zones_and_fallbacks(value: str, expected: datetime) -> None:
    assert parse_header_date(value) == expected


def test_parse_email_date_without_zone_is_london_time() -> None:
    raw = _plain("x\n").replace(DATE.encode(), b"Mon, 14 Sep 2026 20:47:12")
    assert parse_email(raw).received_at == datetime(2026, 9, 14, 20, 47, 12, tzinfo=BST)


@pytest.mark.parametrize(
    "prefix",
    [b"", b"\xef\xbb\xbf", b"\r\n\r\n", b"From grace@example.net Mon Sep 14 20:47:12 2026\n"],
    ids=["plain", "bom", "blank lines", "mbox From_ line"],
)
def test_parse_email_tolerates_what_saved_eml_files_start_with(prefix: bytes) -> None:
    document = parse_email(prefix + _plain("They came back.\n"))
    assert document.text == "They came back.\n"
    assert document.sender is not None and document.sender.email == "grace.adeyemi@example.net"
