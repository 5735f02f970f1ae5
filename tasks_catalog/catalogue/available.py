"""What a set of catalogue files may name: per province, from the files or the database.

Agencies, groups and people belong to the province of the registry that declares them.
A registry being loaded replaces what its own province holds; every other province's
codes and people come from the database and may be named only by that province's files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tasks_catalog.catalogue.files import RegistryFile
from tasks_catalog.catalogue.names import NameIndex


@dataclass
class KnownCodes:
    """What the database holds already."""

    agencies_by_province: dict[str, set[str]] = field(default_factory=dict)  # active
    groups_by_province: dict[str, set[str]] = field(default_factory=dict)  # active
    obligation_documents: dict[str, str] = field(default_factory=dict)  # code -> number
    # Every agency and group code ever loaded (retired too): a code stays its province's.
    code_provinces: dict[str, str] = field(default_factory=dict)
    person_provinces: dict[str, str] = field(default_factory=dict)  # active email -> province
    document_provinces: dict[str, str] = field(default_factory=dict)  # number -> province
    # province -> [(code, name, short name, aliases)] of agencies and groups
    names_by_province: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)


@dataclass
class Available:
    """Per province: the agency and group codes (and names) a file may name."""

    agencies: dict[str, set[str]] = field(default_factory=dict)
    groups: dict[str, set[str]] = field(default_factory=dict)
    names: dict[str, NameIndex] = field(default_factory=dict)

    @property
    def provinces(self) -> set[str]:
        return set(self.agencies)

    def agencies_of(self, province: str) -> set[str]:
        return self.agencies.get(province, set())

    def groups_of(self, province: str) -> set[str]:
        return self.groups.get(province, set())

    def missing(self, code: str, province: str, what: str = "cơ quan") -> str:
        """Why `code` cannot be named from `province`: unknown, or another province's."""
        for other in sorted(self.provinces - {province}):
            if code in self.agencies_of(other) | self.groups_of(other):
                return (
                    f'{what} "{code}" thuộc tỉnh {other}; '
                    f"không được dùng trong danh mục của tỉnh {province}"
                )
        return f'{what} "{code}" không có trong danh mục'


def available(registries: Iterable[RegistryFile], known: KnownCodes) -> Available:
    """Agencies of a province whose registry is being loaded come from that file alone."""
    out = Available()
    for registry in registries:
        province = registry.model.province
        index = out.names.setdefault(province, NameIndex())
        out.agencies.setdefault(province, set())
        out.groups.setdefault(province, set())
        for agency in registry.model.agencies:
            out.agencies[province].add(agency.code)
            index.add(agency.code, agency.name, agency.short_name, *agency.aliases)
        for group in registry.model.groups:
            out.groups[province].add(group.code)
            index.add(group.code, group.name)
    replaced = set(out.agencies)
    for province, codes in known.agencies_by_province.items():
        if province in replaced:
            continue
        out.agencies[province] = set(codes)
        out.groups[province] = set(known.groups_by_province.get(province, set()))
        index = out.names.setdefault(province, NameIndex())
        for code, *more in known.names_by_province.get(province, []):
            index.add(code, *more)
    return out
