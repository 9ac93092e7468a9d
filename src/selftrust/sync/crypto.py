"""Optional end-to-end encryption of the sync folder: AES-GCM under a key from scrypt.

The salt, the scrypt cost and a key check (the AES-GCM sealing of a fixed text) live in
``format.json``, so a wrong passphrase is one clear message before anything is read or
written. scrypt at n=2**15, r=8, p=1 costs ≈0.15 s and 32 MiB on the 2-core reference
machine (n=2**14: 0.08 s, n=2**16: 0.31 s): once per process, since derived keys are
kept for the life of the process.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from selftrust.base.i18n import N_, _
from selftrust.sync.records import SyncError

SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
NONCE_SIZE = 12
_KEY_CHECK = b"Self-Trust sync folder key check"
_KEY_CHECK_AAD = b"format.json"

# The words for the person, marked here and translated when raised (``_(WRONG_PASSPHRASE)``).
WRONG_PASSPHRASE = N_(
    "That passphrase does not open this sync folder. Please check it and try again."
)
NEEDS_PASSPHRASE = N_(
    "This sync folder is protected by a passphrase. "
    "Please enter the passphrase you chose on your other computer."
)
NO_PASSPHRASE_HERE = N_(
    "This sync folder was set up without a passphrase, so it needs none. "
    "Leave the passphrase empty to use it."
)
UNREADABLE = N_(
    "This sync folder's settings could not be read. "
    "It may still be copying; please try again in a moment."
)

_keys: dict[tuple[bytes, bytes, int, int, int], bytes] = {}


class Cipher:
    """Seals and opens bytes with one folder's key; a random 96-bit nonce per sealing."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, data: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_SIZE)
        return nonce + self._aead.encrypt(nonce, data, aad)

    def open(self, blob: bytes, aad: bytes) -> bytes | None:
        """The plain bytes, or None when ``blob`` was not sealed with this key and ``aad``."""
        if len(blob) < NONCE_SIZE + 16:
            return None
        try:
            return self._aead.decrypt(blob[:NONCE_SIZE], blob[NONCE_SIZE:], aad)
        except InvalidTag:
            return None


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """scrypt, remembered per process (keyed by a hash, so the passphrase is not kept)."""
    secret = passphrase.encode("utf-8")
    memo = (hashlib.sha256(secret).digest(), salt, n, r, p)
    key = _keys.get(memo)
    if key is None:
        key = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)
        _keys[memo] = key
    return key


def new_encryption(passphrase: str) -> tuple[dict[str, Any], Cipher]:
    """The ``encryption`` entry of a new folder's format.json, and its cipher."""
    salt = os.urandom(16)
    cipher = Cipher(_derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
    entry = {
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
        "check": _b64(cipher.seal(_KEY_CHECK, _KEY_CHECK_AAD)),
    }
    return entry, cipher


def open_encryption(entry: Mapping[str, Any] | None, passphrase: str | None) -> Cipher | None:
    """The folder's cipher (None for a folder without encryption).

    Raises SyncError when the passphrase is wrong, missing, or given to a plain folder.
    """
    if entry is None:
        if passphrase is not None:
            raise SyncError(_(NO_PASSPHRASE_HERE))
        return None
    if passphrase is None:
        raise SyncError(_(NEEDS_PASSPHRASE))
    try:
        if entry["kdf"] != "scrypt":
            raise SyncError(_(UNREADABLE))
        salt = base64.b64decode(entry["salt"])
        check = base64.b64decode(entry["check"])
        n, r, p = int(entry["n"]), int(entry["r"]), int(entry["p"])
        # A folder is other people's bytes too: never let it ask for minutes or gigabytes.
        if not (2**10 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4):
            raise ValueError(n, r, p)
    except (KeyError, TypeError, ValueError) as error:
        raise SyncError(_(UNREADABLE)) from error
    cipher = Cipher(_derive(passphrase, salt, n, r, p))
    if cipher.open(check, _KEY_CHECK_AAD) != _KEY_CHECK:
        raise SyncError(_(WRONG_PASSPHRASE))
    return cipher


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
