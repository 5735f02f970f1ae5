"""The catalogue file format, as pydantic models.

These models are the schema: `catalogue.schema.json` beside this module is generated
from them (`dondoc catalog schema`) so that editors can validate YAML as it is typed.
Two kinds of file exist: an *agency registry* (top-level key `agencies`) and a
*document catalogue* (top-level key `document`). Field names are English (glossary in
DESIGN.md); every text a person reads is Vietnamese.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    create_model,
    field_validator,
    model_validator,
)

from tasks_catalog.follow_up_policy import POLICY_FIELDS, policy_problem

CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
Code = Annotated[str, Field(pattern=CODE_PATTERN, min_length=1, max_length=80)]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", max_length=254)]
# Every text has a length a person could have typed and the database column can hold
# (a 2.4-million-character title is a pasted file, not a title).
Text = Annotated[str, Field(min_length=1, max_length=2000)]
LongText = Annotated[str, Field(min_length=1, max_length=20000)]  # a quoted paragraph
Name = Annotated[str, Field(min_length=1, max_length=255)]
ShortText = Annotated[str, Field(max_length=255)]
ProvinceCode = Annotated[str, Field(pattern=CODE_PATTERN, min_length=1, max_length=20)]
# A number must be a number: .nan and .inf are refused where they are written.
Number = Annotated[float, Field(allow_inf_nan=False, ge=-1e12, le=1e12)]
# An agency or group code, or (from Excel) a name such as "Sở Nội vụ", resolved on load.
AgencyRef = Annotated[str, Field(min_length=1, max_length=255)]

AgencyLevel = Literal["province", "district", "commune"]
AgencyKind = Literal[
    "party_committee",  # Tỉnh ủy, huyện ủy, đảng ủy
    "party_body",  # ban cán sự đảng, đảng đoàn, ban của tỉnh ủy
    "council",  # HĐND
    "council_body",  # thường trực, các ban HĐND
    "peoples_committee",  # UBND
    "office",  # văn phòng UBND, văn phòng tỉnh ủy
    "department",  # sở, ban, ngành
    "inspectorate",  # thanh tra
    "public_service_centre",  # trung tâm phục vụ hành chính công
    "one_stop_unit",  # bộ phận tiếp nhận và trả kết quả (một cửa)
    "front",  # MTTQ và các đoàn thể
    "other",
]
PersonRole = Literal[
    "assignee",  # chuyên viên đầu mối nhận nhiệm vụ
    "head",  # thủ trưởng cơ quan
    "coordinator",  # văn phòng giao việc, theo dõi
    "coordination_leader",  # Chánh Văn phòng UBND: nhận báo cáo vượt cấp
    "inspector",
    "inspection_lead",
    "leader",  # Chủ tịch / Phó Chủ tịch: xem bảng điều khiển
]
DocumentKind = Literal[
    "resolution",  # nghị quyết
    "programme",  # chương trình
    "plan",  # kế hoạch
    "scheme",  # đề án
    "decision",  # quyết định
    "directive",  # chỉ thị, kết luận, chỉ đạo
    "report",  # báo cáo
    "conclusion",  # thông báo kết luận
    "letter",  # công văn
]
ObligationKind = Literal["deliverable", "recurring_report", "inspection_duty", "target"]
Comparator = Literal[">=", "<=", "=", ">", "<"]

_EVERY = re.compile(r"^(year|half_year|quarter|month|(?P<n>\d{1,2}) months)$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Person(_Strict):
    name: Name
    email: Email
    position: ShortText | None = None
    roles: list[PersonRole] = Field(default_factory=lambda: list[PersonRole](["assignee"]))


class Agency(_Strict):
    code: Code
    name: Name
    short_name: Annotated[str, Field(max_length=120)] | None = None
    aliases: list[ShortText] = Field(default_factory=list, description="tên gọi khác, viết tắt")
    level: AgencyLevel
    kind: AgencyKind
    parent: Code | None = None
    emails: list[Email] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)


class AgencyGroup(_Strict):
    """A named set of agencies: explicit members, or every agency of some kinds."""

    code: Code
    name: Name
    members: list[Code] = Field(default_factory=list)
    kinds: list[AgencyKind] = Field(default_factory=list)
    levels: list[AgencyLevel] = Field(default_factory=list)
    within: Code | None = Field(None, description="chỉ các đơn vị thuộc cơ quan này (theo parent)")

    @model_validator(mode="after")
    def _has_selection(self) -> AgencyGroup:
        if not self.members and not self.kinds:
            raise ValueError("nhóm phải có members hoặc kinds")
        return self


class AgencyRegistry(_Strict):
    schema_ref: str | None = Field(None, alias="$schema")
    province: ProvinceCode
    province_name: Annotated[str, Field(min_length=1, max_length=120)]
    agencies: list[Agency] = Field(min_length=1)
    groups: list[AgencyGroup] = Field(default_factory=list)


class Schedule(_Strict):
    """When an obligation falls due. Either `once`, or `every` with a due rule, or
    `after` an event with the time allowed (`within` days, `working` days or not).

    Examples: `{once: 2023-06-30}`; `{every: year, month: 12, day: 15}` (trước 15/12
    hằng năm); `{every: quarter, report: true, after_cutoff: 5}` (báo cáo quý theo
    Nghị định 09, 5 ngày làm việc sau ngày chốt số liệu); `{every: month, working_day: 3}`;
    `{after: nhận được kết luận kiểm tra, within: 10, working: true}` (trong thời hạn 10
    ngày làm việc kể từ ngày nhận được kết luận kiểm tra: no date until the event is recorded).
    """

    once: date | None = None
    every: str | None = None
    day: int | None = Field(None, ge=1, le=31)
    month: int | None = Field(None, ge=1, le=12)
    working_day: int | None = None
    report: bool = False
    after_cutoff: int = Field(0, ge=0, le=60)
    start: date | None = Field(None, alias="from")
    until: date | None = None
    after: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="sự kiện tính thời hạn, ví dụ nhận được kết luận kiểm tra",
    )
    within: int | None = Field(None, ge=1, le=366, description="số ngày kể từ sự kiện (after)")
    working: bool = Field(False, description="within tính theo ngày làm việc")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _event_complete(self) -> Schedule:
        if (self.after is None) != (self.within is None):
            raise ValueError("thời hạn theo sự kiện cần cả after (sự kiện) và within (số ngày)")
        if self.after is not None and (self.once is not None or self.every is not None):
            raise ValueError("thời hạn theo sự kiện (after) không dùng cùng once hoặc every")
        return self

    @property
    def on_event(self) -> bool:
        """Due a number of days after an event (no date until the event is recorded)."""
        return self.after is not None

    @field_validator("every")
    @classmethod
    def _known_every(cls, value: str | None) -> str | None:
        if value is not None and not _EVERY.match(value):
            raise ValueError(
                f'"{value}" không phải chu kỳ hợp lệ '
                '(year, half_year, quarter, month hoặc "N months")'
            )
        return value


class InspectionRule(_Strict):
    count: int = Field(ge=1, le=52, description="số cuộc tối thiểu mỗi đơn vị mỗi kỳ")
    per: Literal["year", "half_year", "quarter"] = "year"
    units: Code = Field(description="mã nhóm đơn vị được kiểm tra (groups)")
    unannounced: bool = True


class TargetRule(_Strict):
    indicator: Text
    comparator: Comparator
    value: Number
    unit: Annotated[str, Field(min_length=1, max_length=40)] = "%"
    year: int = Field(ge=2000, le=2100)
    baseline_year: int | None = Field(None, ge=2000, le=2100)

    @model_validator(mode="after")
    def _percent_in_range(self) -> TargetRule:
        if self.unit == "%" and not 0 <= self.value <= 100:
            raise ValueError(f"chỉ tiêu {self.value:g}% nằm ngoài khoảng 0–100%")
        return self


class _FollowUpOverrides(_Strict):
    """Overrides of the default follow-up policy (what is not given keeps its default),
    checked as the engine will run them: merged into the defaults."""

    @model_validator(mode="after")
    def _valid_once_merged(self) -> _FollowUpOverrides:
        problem = policy_problem(self.model_dump(exclude_none=True))
        if problem:
            raise ValueError(problem)
        return self


def _override_field(spec: dataclasses.Field[Any]) -> tuple[Any, Any]:
    meta = spec.metadata
    bounds = {"ge": meta["ge"], "le": meta["le"]}
    if spec.name == "reminder_days":
        day = Annotated[int, Field(**bounds)]
        return list[day] | None, Field(None, description=meta["label"])
    if spec.name == "send_at":
        hhmm = r"^([01]\d|2[0-3]):[0-5]\d$"
        return str | None, Field(None, pattern=hhmm, description=f"{meta['label']}, HH:MM")
    if spec.type in ("bool", bool):
        return bool | None, Field(None, description=meta["label"])
    return int | None, Field(None, description=meta["label"], **bounds)


if TYPE_CHECKING:
    FollowUpSpec = _FollowUpOverrides
else:
    FollowUpSpec = create_model(
        "FollowUpSpec",
        __base__=_FollowUpOverrides,
        **{spec.name: _override_field(spec) for spec in POLICY_FIELDS},
    )


class Obligation(_Strict):
    code: Code
    clause: Name = Field(description="điều, khoản, mục của văn bản")
    quote: LongText = Field(description="câu trích nguyên văn từ văn bản")
    title: Text
    kind: ObligationKind
    lead: list[AgencyRef] = Field(
        min_length=1, description="cơ quan chủ trì (mã cơ quan hoặc nhóm, hoặc tên cơ quan)"
    )
    cooperating: list[AgencyRef] = Field(default_factory=list)
    deliverable: Annotated[str, Field(max_length=2000)] | None = None
    schedule: Schedule | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    policy: Code | None = Field(None, description="tên chính sách đôn đốc (mục policies)")
    assumed: bool = False
    assumption: Annotated[str, Field(max_length=5000)] | None = None
    inspection: InspectionRule | None = None
    target: TargetRule | None = None
    # Drafts made by `dondoc catalog extract` say where each entry came from and how sure
    # the extractor was of each field, so that a person reviews instead of retyping.
    offsets: tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]] | None = Field(
        None, description="vị trí ký tự [đầu, cuối) của câu trích trong tệp nguồn"
    )
    confidence: dict[str, Annotated[float, Field(ge=0, le=1)]] | None = Field(
        None, description="độ tin cậy 0–1 của từng trường do máy đoán"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Obligation:
        if self.assumed and not self.assumption:
            raise ValueError("assumed: true cần một dòng assumption giải thích lý do")
        if self.kind == "inspection_duty" and self.inspection is None:
            raise ValueError("nhiệm vụ kiểm tra (inspection_duty) cần mục inspection")
        if self.inspection is not None and self.kind != "inspection_duty":
            # Only inspection duties are planned as secret visits; any other kind would be
            # followed by the normal sweep, with links and dates in its e-mails.
            raise ValueError(
                "mục inspection chỉ dùng cho nhiệm vụ kiểm tra (kind: inspection_duty)"
            )
        if self.kind == "target" and self.target is None:
            raise ValueError("chỉ tiêu (target) cần mục target")
        if self.kind not in ("inspection_duty", "target") and self.schedule is None:
            raise ValueError("nhiệm vụ cần mục schedule (thời hạn hoặc chu kỳ)")
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError("valid_until trước valid_from")
        return self


class Document(_Strict):
    number: Annotated[str, Field(min_length=1, max_length=120)] = Field(
        description="số, ký hiệu, ví dụ 124/NQ-HĐND"
    )
    kind: DocumentKind
    issuer: Name
    province: ProvinceCode
    issued: date
    valid_from: date | None = None
    valid_until: date | None = None
    title: Text
    source: Annotated[str, Field(max_length=500)] | None = Field(
        None, description="tệp nguồn hoặc địa chỉ bài viết"
    )
    policy: Code | None = Field(None, description="chính sách đôn đốc mặc định của văn bản")
    assumed: bool = False
    assumption: Annotated[str, Field(max_length=5000)] | None = None


class DocumentCatalogue(_Strict):
    schema_ref: str | None = Field(None, alias="$schema")
    document: Document
    policies: dict[str, FollowUpSpec] = Field(
        default_factory=dict, description="chính sách đôn đốc riêng của văn bản này, theo tên"
    )
    obligations: list[Obligation] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_policies(self) -> DocumentCatalogue:
        known = {"default", *self.policies}
        names = [self.document.policy, *(o.policy for o in self.obligations)]
        unknown = sorted({n for n in names if n is not None and n not in known})
        if unknown:
            raise ValueError(f"chính sách chưa khai báo trong mục policies: {', '.join(unknown)}")
        return self

    def follow_up_of(self, obligation: Obligation) -> tuple[str, dict[str, object]]:
        """The policy name an obligation uses and its overrides of the defaults."""
        name = obligation.policy or self.document.policy or "default"
        spec = self.policies.get(name)
        return name, spec.model_dump(exclude_none=True) if spec else {}
