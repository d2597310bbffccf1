"""The common duct looked into with a choledochoscope during an open operation on it is the
add-on 47550 beside the open duct exploration (47610); a cholangiogram alone is no biliary
endoscopy, and the add-on never stands with a laparoscopic cholecystectomy or an ERCP."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_OPEN = (
    "PROCEDURE PERFORMED: Open cholecystectomy with common bile duct exploration.\n"
    "DESCRIPTION: A 70-year-old woman. Through a right subcostal incision the gallbladder was"
    " removed from its bed. The cholangiogram showed a filling defect in the distal duct. A"
    " choledochotomy was made and a stone was flushed out. {scope} A T-tube was placed and the"
    " duct closed around it. The wound was closed in layers.\n"
)


def test_a_choledochoscope_passed_in_an_open_duct_exploration_adds_47550() -> None:
    codes = _codes(
        _OPEN.format(
            scope="A flexible choledochoscope was then passed into the duct, and the hepatic"
            " ducts and the distal duct were clear."
        )
    )
    # the cholangiogram read at the exploration is its own line (74300)
    assert codes == ["47610", "74300", "47550"]


def test_the_open_exploration_without_a_scope_stays_alone() -> None:
    codes = _codes(_OPEN.format(scope="The duct was irrigated until clear."))
    assert codes == ["47610", "74300"]


def test_no_add_on_with_a_laparoscopic_cholecystectomy() -> None:
    note = (
        "PROCEDURE PERFORMED: Laparoscopic cholecystectomy.\n"
        "DESCRIPTION: Four trocars were placed. The cystic duct and artery were clipped and"
        " divided and the gallbladder removed from the liver bed. No choledochoscopy was"
        " needed as the duct was of normal size.\n"
    )
    assert "47550" not in _codes(note)


def test_a_cholangioscope_through_an_ercp_is_not_the_operative_add_on() -> None:
    note = (
        "PROCEDURE PERFORMED: ERCP with cholangioscopy and stone extraction.\n"
        "DESCRIPTION: The duodenoscope was passed to the papilla and the bile duct cannulated."
        " A sphincterotomy was made. Choledochoscopy with the SpyGlass system showed a large"
        " stone, which was fragmented and swept out with a balloon.\n"
    )
    assert "47550" not in _codes(note)
