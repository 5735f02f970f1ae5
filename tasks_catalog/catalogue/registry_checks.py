"""Checks of agency registries: unique codes, one province each, parents that form a tree.

A registry speaks for its own province only. It may not declare (and so rewrite) an
agency or group code another province holds, nor list a person who is active in another
province, nor hang its agencies or groups on another province's agencies: any of these
would move tasks, people or inspection roles across a province's border.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from tasks_catalog.catalogue.available import Available, KnownCodes
from tasks_catalog.catalogue.files import RegistryFile
from tasks_catalog.catalogue.problems import Problem


def _duplicates(codes: Iterable[str]) -> set[str]:
    return {code for code, n in Counter(codes).items() if n > 1}


def check_registries(
    registries: list[RegistryFile], available: Available, known: KnownCodes
) -> list[Problem]:
    problems: list[Problem] = []
    all_codes = [a.code for r in registries for a in r.model.agencies]
    all_codes += [g.code for r in registries for g in r.model.groups]
    repeated = _duplicates(all_codes)
    emails = _duplicates(
        p.email.lower() for r in registries for a in r.model.agencies for p in a.people
    )
    for registry in _duplicated_provinces(registries):
        problems.append(
            Problem(
                registry.where(("province",)),
                f"tỉnh {registry.model.province} đã có tệp cơ quan khác",
            )
        )
    for registry in registries:
        problems += _check_agencies(registry, available, known, repeated, emails)
        problems += _check_groups(registry, available, known, repeated)
        problems += _check_parent_cycles(registry)
    return problems


def _foreign_code(known: KnownCodes, code: str, province: str) -> str | None:
    owner = known.code_provinces.get(code)
    return owner if owner is not None and owner != province else None


def _check_agencies(
    registry: RegistryFile,
    available: Available,
    known: KnownCodes,
    repeated: set[str],
    emails: set[str],
) -> list[Problem]:
    problems: list[Problem] = []
    where = registry.where
    province = registry.model.province
    own = available.agencies_of(province)
    for i, agency in enumerate(registry.model.agencies):
        if agency.code in repeated:
            problems.append(
                Problem(where(("agencies", i, "code")), f'mã cơ quan "{agency.code}" bị trùng')
            )
        owner = _foreign_code(known, agency.code, province)
        if owner is not None:
            problems.append(
                Problem(
                    where(("agencies", i, "code")),
                    f'mã cơ quan "{agency.code}" thuộc tỉnh {owner}; '
                    f"tệp của tỉnh {province} không được khai báo hay sửa cơ quan của tỉnh khác",
                )
            )
        if agency.parent and agency.parent not in own:
            problems.append(
                Problem(
                    where(("agencies", i, "parent")),
                    available.missing(agency.parent, province, "cơ quan cấp trên"),
                )
            )
        for j, person in enumerate(agency.people):
            email = person.email.lower()
            if email in emails:
                problems.append(
                    Problem(
                        where(("agencies", i, "people", j, "email")),
                        f'địa chỉ "{person.email}" dùng cho hơn một người',
                    )
                )
            home = known.person_provinces.get(email)
            if home is not None and home != province:
                problems.append(
                    Problem(
                        where(("agencies", i, "people", j, "email")),
                        f'"{person.email}" là người của tỉnh {home}; tệp của tỉnh {province} '
                        "không được khai báo hay chuyển người của tỉnh khác",
                    )
                )
    return problems


def _check_groups(
    registry: RegistryFile, available: Available, known: KnownCodes, repeated: set[str]
) -> list[Problem]:
    problems: list[Problem] = []
    where = registry.where
    province = registry.model.province
    own = available.agencies_of(province)
    for i, group in enumerate(registry.model.groups):
        if group.code in repeated:
            problems.append(
                Problem(where(("groups", i, "code")), f'mã nhóm "{group.code}" bị trùng')
            )
        owner = _foreign_code(known, group.code, province)
        if owner is not None:
            problems.append(
                Problem(
                    where(("groups", i, "code")),
                    f'mã nhóm "{group.code}" thuộc tỉnh {owner}; '
                    f"tệp của tỉnh {province} không được khai báo hay sửa nhóm của tỉnh khác",
                )
            )
        for j, member in enumerate(group.members):
            if member not in own:
                problems.append(
                    Problem(
                        where(("groups", i, "members", j)),
                        available.missing(member, province),
                    )
                )
        if group.within and group.within not in own:
            problems.append(
                Problem(
                    where(("groups", i, "within")),
                    available.missing(group.within, province),
                )
            )
    return problems


def _check_parent_cycles(registry: RegistryFile) -> list[Problem]:
    """An agency may not be its own parent, directly or through others."""
    agencies = registry.model.agencies
    parent = {a.code: a.parent for a in agencies if a.parent}
    problems: list[Problem] = []
    for i, agency in enumerate(agencies):
        seen = [agency.code]
        current = parent.get(agency.code)
        while current is not None and current not in seen:
            seen.append(current)
            current = parent.get(current)
        if current == agency.code:
            chain = " → ".join([*seen, agency.code])
            message = (
                f'cơ quan "{agency.code}" là cấp trên của chính nó'
                if len(seen) == 1
                else f"cấp trên tạo thành vòng lặp: {chain}"
            )
            problems.append(Problem(registry.where(("agencies", i, "parent")), message))
    return problems


def _duplicated_provinces(registries: list[RegistryFile]) -> list[RegistryFile]:
    repeated = _duplicates(r.model.province for r in registries)
    seen: set[str] = set()
    later: list[RegistryFile] = []
    for registry in registries:
        province = registry.model.province
        if province in repeated and province in seen:
            later.append(registry)
        seen.add(province)
    return later
