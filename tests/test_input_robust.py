"""Input that looks like a number but is not one, and the local server when a browser goes away."""
import functools
import json
import socket
import struct
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizards import browser
from wizards.engine.walk import Refused, coerce
from wizards.registry import WIZARDS

REGISTER = WIZARDS["register"]  # its first question, employees, is a number


@pytest.mark.parametrize("text", ["²", "①", "٣", "１２", "9" * 5000, "-" + "9" * 5000, "+5", "5.0", "1e3", "", " ", "--1"])
def test_text_that_is_no_plain_whole_number_is_refused_with_a_reason(text):
    with pytest.raises(Refused) as caught:
        coerce(REGISTER, {"employees": text})
    assert caught.value.code in {"wrong_type", "out_of_range"}
    assert caught.value.params["question"] == "employees"


@pytest.mark.parametrize("text, number", [("0", 0), ("12", 12), (" 7 ", 7), ("-3", -3), ("007", 7)])
def test_plain_whole_numbers_are_read(text, number):
    assert coerce(REGISTER, {"employees": text}) == {"employees": number}


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=st.characters(categories=["Nd", "No", "Nl"]), min_size=1),
                 st.integers().map(str).map(lambda s: s * 300)))
def test_the_browser_bridge_answers_any_number_text_without_raising(text):
    for lang in ("nl", "fr"):
        out = json.loads(browser.step(json.dumps({"wizard": "register", "lang": lang, "answers": {"employees": text}})))
        assert out["status"] in {"question", "result", "refused"}
        if out["status"] == "refused":
            assert out["question"] == "employees"
            # The reason is in the visitor's language, not the engine's English name of the kind.
            assert "whole number" not in out["message"]


def test_a_browser_that_disconnects_leaves_no_traceback(tmp_path, capfd):
    from hub.__main__ import QuietHandler, QuietServer

    (tmp_path / "big.bin").write_bytes(b"x" * 20_000_000)
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for _ in range(3):
            sock = socket.create_connection(server.server_address)
            sock.sendall(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
            assert sock.recv(100).startswith(b"HTTP/1.0 200")
            # Close with a reset while the server is still sending, as a browser closing a tab does.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()
        with socket.create_connection(server.server_address) as sock:  # it still serves afterwards
            sock.sendall(b"HEAD /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
            assert sock.recv(100).startswith(b"HTTP/1.0 200")
    finally:
        server.shutdown()
        server.server_close()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "ConnectionResetError" not in err and "BrokenPipe" not in err
