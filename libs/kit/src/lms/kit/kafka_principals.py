"""The brokers' side of `lms.kit.kafka_access`: password files, SCRAM users and ACLs.

Creating users and ACLs takes the super user (`admin`); `python -m lms.kit.kafka_admin users|acls`
runs these for infra/kafka/kafka.sh, and the tests apply their run's ACLs with them.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Mapping
from pathlib import Path

from kafka.admin import (
    ACL,
    ACLFilter,
    ACLOperation,
    ACLPermissionType,
    ACLResourcePatternType,
    ResourcePattern,
    ResourcePatternFilter,
    ResourceType,
)
from kafka.admin._users import ScramMechanism, UserScramCredentialUpsertion
from kafka.errors import KafkaError

from lms.kit.kafka import make_admin
from lms.kit.kafka_access import Grant


def write_credentials(directory: Path, principals: list[str]) -> list[str]:
    """A random password file (mode 600) for each principal that has none; returns the new ones."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    made = []
    for principal in principals:
        path = directory / principal
        if not path.exists():
            with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as out:
                out.write(secrets.token_urlsafe(32) + "\n")
            made.append(principal)
    return made


def ensure_users(bootstrap: str, passwords: Mapping[str, str]) -> None:
    """Create or update the SCRAM-SHA-512 credential of each principal (needs the super user)."""
    upserts = [
        UserScramCredentialUpsertion(name, ScramMechanism.SCRAM_SHA_512, password)
        for name, password in passwords.items()
    ]
    admin = make_admin(bootstrap, request_timeout_ms=15_000)
    try:
        failed = {user: error for user, error in admin.alter_user_scram_credentials(upserts).items() if error}
    finally:
        admin.close()
    if failed:
        raise KafkaError(f"SCRAM credentials refused: {failed}")


def _acls(grants: list[Grant]) -> list[ACL]:
    return [
        ACL(
            f"User:{g.principal}",
            "*",
            ACLOperation[operation.upper()],
            ACLPermissionType.ALLOW,
            ResourcePattern(
                ResourceType[g.resource.upper()], g.name, ACLResourcePatternType[g.pattern.upper()]
            ),
        )
        for g in grants
        for operation in g.operations
    ]


def apply_grants(bootstrap: str, grants: list[Grant], visible_within_s: float = 60) -> int:
    """Create the ACLs of `grants` (an ACL the broker has already is left as it is), and return once
    the brokers enforce them: a created ACL reaches a broker's authorizer through the metadata log,
    a moment after the controller accepts it, and a client let in that moment is refused."""
    wanted = _acls(grants)
    admin = make_admin(bootstrap, request_timeout_ms=15_000)
    try:
        result = admin.create_acls(wanted)
    finally:
        admin.close()
    if result["failed"]:
        raise KafkaError(f"ACLs refused: {result['failed']}")
    deadline = time.monotonic() + visible_within_s
    missing = {_identity(acl) for acl in wanted}
    while missing - {_identity(acl) for acl in broker_acls(bootstrap)}:
        if time.monotonic() > deadline:
            raise KafkaError(f"ACLs created but not enforced within {visible_within_s:.0f} s")
        time.sleep(0.2)  # polling the broker's own view: the condition, not a guess
    return len(result["succeeded"])


def _identity(acl: ACL) -> tuple[object, ...]:
    pattern = acl.resource_pattern
    return (
        acl.principal,
        acl.host,
        acl.operation,
        acl.permission_type,
        pattern.resource_type,
        pattern.resource_name,
        pattern.pattern_type,
    )


def revoke_grants(bootstrap: str, grants: list[Grant]) -> None:
    """Delete exactly the ACLs of `grants` (tests drop their run's ACLs this way)."""
    admin = make_admin(bootstrap, request_timeout_ms=15_000)
    try:
        admin.delete_acls(
            [
                ACLFilter(a.principal, a.host, a.operation, a.permission_type, a.resource_pattern)
                for a in _acls(grants)
            ]
        )
    finally:
        admin.close()


def broker_acls(bootstrap: str) -> list[ACL]:
    """Every ACL the brokers enforce now."""
    everything = ACLFilter(
        None,
        None,
        ACLOperation.ANY,
        ACLPermissionType.ANY,
        ResourcePatternFilter(ResourceType.ANY, None, ACLResourcePatternType.ANY),
    )
    admin = make_admin(bootstrap, request_timeout_ms=15_000)
    try:
        acls, _ = admin.describe_acls(everything)  # an error is raised, not returned
    finally:
        admin.close()
    return acls


def acl_listing(acls: list[ACL]) -> str:
    """ACLs as `kafka-acls.sh --list` prints them: grouped by resource pattern."""
    by_resource: dict[tuple[str, str, str], list[ACL]] = {}
    for acl in acls:
        pattern = acl.resource_pattern
        key = (pattern.resource_type.name, pattern.resource_name, pattern.pattern_type.name)
        by_resource.setdefault(key, []).append(acl)
    lines = []
    for (kind, name, pattern), entries in sorted(by_resource.items()):
        lines.append(
            f"Current ACLs for resource `ResourcePattern(resourceType={kind}, name={name}, "
            f"patternType={pattern})`: "
        )
        lines += sorted(
            f"\t(principal={a.principal}, host={a.host}, operation={a.operation.name}, "
            f"permissionType={a.permission_type.name})"
            for a in entries
        )
        lines.append("")
    return "\n".join(lines)
