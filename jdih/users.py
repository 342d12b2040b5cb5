"""Staff accounts: users with roles, argon2 password hashes, sessions, login throttling.

Session tokens are random (32 bytes); only their sha256 is stored, so a copy of
the database does not hand out live sessions. Each session carries its own
CSRF token.
"""
from __future__ import annotations

import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .store import Store, now

ROLES = ("admin", "staf")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
MIN_PASSWORD = 10
SESSION_IDLE = timedelta(hours=8)
# Throttling: this many failures for one account or one address within the
# window lock further attempts until the oldest failure leaves the window.
MAX_FAILURES = 5
FAILURE_WINDOW = 15 * 60

_hasher = PasswordHasher()


class UserError(ValueError):
    """A user-facing problem with account data (message in Bahasa Indonesia)."""


@dataclass
class User:
    id: int
    name: str
    role: str
    active: bool

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "role": self.role}


def _user(row) -> User:
    return User(id=row["id"], name=row["name"], role=row["role"], active=bool(row["active"]))


def _check(name: str, password: str | None, role: str | None) -> None:
    if not NAME_RE.match(name):
        raise UserError("Nama pengguna 3-32 karakter: huruf kecil, angka, titik, garis bawah, atau tanda hubung.")
    if password is not None and len(password) < MIN_PASSWORD:
        raise UserError(f"Kata sandi minimal {MIN_PASSWORD} karakter.")
    if role is not None and role not in ROLES:
        raise UserError("Peran harus admin atau staf.")


def add_user(store: Store, name: str, password: str, role: str) -> User:
    name = name.strip().lower()
    _check(name, password, role)
    if store.db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
        raise UserError(f"Pengguna '{name}' sudah ada.")
    stamp = now()
    cur = store.db.execute("INSERT INTO users (name, role, password_hash, active, created_at, updated_at) "
                           "VALUES (?, ?, ?, 1, ?, ?)", (name, role, _hasher.hash(password), stamp, stamp))
    return User(id=cur.lastrowid, name=name, role=role, active=True)


def get_user(store: Store, user_id: int) -> User | None:
    row = store.db.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    return _user(row) if row else None


def find_user(store: Store, name: str) -> User | None:
    row = store.db.execute("SELECT * FROM users WHERE name = ?", (name.strip().lower(),)).fetchone()
    return _user(row) if row else None


def list_users(store: Store) -> list[User]:
    return [_user(r) for r in store.db.execute("SELECT * FROM users ORDER BY name")]


def update_user(store: Store, user_id: int, *, role: str | None = None, active: bool | None = None,
                password: str | None = None) -> None:
    user = get_user(store, user_id)
    if user is None:
        raise UserError("Pengguna tidak ditemukan.")
    _check(user.name, password, role)
    sets, args = ["updated_at = ?"], [now()]
    if role is not None:
        sets.append("role = ?")
        args.append(role)
    if active is not None:
        sets.append("active = ?")
        args.append(int(active))
    if password is not None:
        sets.append("password_hash = ?")
        args.append(_hasher.hash(password))
    store.db.execute(f"UPDATE users SET {', '.join(sets)} WHERE id = ?", [*args, user_id])
    if active is False or password is not None:
        store.db.execute("DELETE FROM sessions WHERE user_id = ?", (user_id,))


def admin_count(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").fetchone()[0]


# -- login -------------------------------------------------------------------

def locked_for(store: Store, *keys: str) -> int:
    """Seconds until another attempt is allowed for any of these keys (0: allowed)."""
    horizon = time.time() - FAILURE_WINDOW
    wait = 0
    for key in keys:
        rows = [r[0] for r in store.db.execute(
            "SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at", (key, horizon))]
        if len(rows) >= MAX_FAILURES:
            wait = max(wait, int(rows[-MAX_FAILURES] + FAILURE_WINDOW - time.time()) + 1)
    return wait


def authenticate(store: Store, name: str, password: str, address: str = "") -> User | None:
    """The active user with this name and password, or None (and the failure is counted)."""
    keys = [f"nama:{name.strip().lower()}", f"alamat:{address}"]
    row = store.db.execute("SELECT * FROM users WHERE name = ?", (name.strip().lower(),)).fetchone()
    ok = False
    if row is not None:
        try:
            ok = _hasher.verify(row["password_hash"], password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
    else:
        # Spend the same time as a real check, so timing does not reveal names.
        try:
            _hasher.verify(_DUMMY_HASH, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            pass
    if not ok or not row["active"]:
        store.db.executemany("INSERT INTO login_failures (key, at) VALUES (?, ?)", [(k, time.time()) for k in keys])
        return None
    store.db.execute("DELETE FROM login_failures WHERE key = ?", (keys[0],))
    if _hasher.check_needs_rehash(row["password_hash"]):
        store.db.execute("UPDATE users SET password_hash = ? WHERE id = ?", (_hasher.hash(password), row["id"]))
    return _user(row)


_DUMMY_HASH = _hasher.hash("tidak-ada-pengguna-ini")


# -- sessions ----------------------------------------------------------------

def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(store: Store, user: User) -> tuple[str, str]:
    """(session token for the cookie, CSRF token for forms)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    stamp = now()
    store.db.execute("INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)",
                     (_digest(token), user.id, csrf, stamp, stamp))
    return token, csrf


def session_user(store: Store, token: str) -> tuple[User, str] | None:
    """The user and CSRF token of a live session; idle sessions expire."""
    if not token:
        return None
    row = store.db.execute(
        "SELECT s.csrf, s.last_seen, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
        (_digest(token),)).fetchone()
    if row is None or not row["active"]:
        return None
    last = datetime.strptime(row["last_seen"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    if datetime.now(timezone.utc) - last > SESSION_IDLE:
        end_session(store, token)
        return None
    store.db.execute("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", (now(), _digest(token)))
    return _user(row), row["csrf"]


def end_session(store: Store, token: str) -> None:
    store.db.execute("DELETE FROM sessions WHERE token_hash = ?", (_digest(token),))
