"""A clinic file is checked like content: one exact, located message per problem, all of
them at once, and the command line prints them and builds nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generators.build import load_checked
from generators.cli import main
from generators.clinic import ClinicErrors, apply_clinic, check_left_out, load_clinic
from generators.clinic.checks import SLATE, dark_accent
from generators.content.context import SiteContext
from generators.handouts.branding import contrast
from generators.pages.render import RenderedPage

PROJECT = Path(__file__).resolve().parents[3]
EXAMPLE = (PROJECT / "clinics" / "example.yml").read_text("utf-8")
FILE = "clinics/acme.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the real content (linked) and its own clinics/ folder."""
    root = tmp_path / "project"
    (root / "clinics").mkdir(parents=True)
    (root / "content").symlink_to(PROJECT / "content")
    shutil.copy(PROJECT / "clinics" / "example-logo.svg", root / "clinics" / "example-logo.svg")
    return root


@pytest.fixture(scope="module")
def content() -> SiteContext:
    return load_checked(PROJECT)


def write(project: Path, *changes: tuple[str, str], name: str = "acme.yml") -> Path:
    """The example clinic file with some lines changed (each ``old`` must be in it)."""
    text = EXAMPLE
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    path = project / "clinics" / name
    path.write_text(text, "utf-8")
    return path


def line_of(text: str) -> int:
    return next(i for i, line in enumerate(EXAMPLE.splitlines(), 1) if text in line)


def problems(project: Path, *changes: tuple[str, str]) -> list[str]:
    with pytest.raises(ClinicErrors) as raised:
        load_clinic(project, write(project, *changes))
    return [str(error) for error in raised.value.errors]


def test_the_example_clinic_file_is_valid(project: Path) -> None:
    loaded = load_clinic(project, write(project))
    assert loaded.id == "acme"
    assert loaded.clinic.locale.country == "GB"


def test_an_unknown_key_is_named_with_the_keys_known_there(project: Path) -> None:
    assert problems(project, ("short_name:", "shortname:")) == [
        f"{FILE}:1: at 'short_name' expected a value for the required key 'short_name', got nothing. Fix: "
        "add 'short_name:' (see ClinicFile in generators/clinic/model.py)",
        f"{FILE}:{line_of('short_name:')}: at 'shortname' expected one of the known keys, got the unknown "
        "key 'shortname'. Fix: remove it or correct its spelling; known keys here are: name, short_name, "
        "logo, "
        "colours, contact, locale, site_url, leave_out, embed, reviewer",
    ]


def test_a_colour_not_written_as_rrggbb_is_refused(project: Path) -> None:
    assert problems(project, ('primary: "#00564d"', 'primary: "teal"')) == [
        f"{FILE}:{line_of('primary:')}: at 'colours.primary' expected a colour written #rrggbb (six "
        "hexadecimal digits), got text ('teal'). Fix: write it like #0d47a1"]


def test_a_colour_too_light_for_white_text_names_its_ratio_and_the_ratio_needed(project: Path) -> None:
    # #5f9ea0 (cadet blue): relative luminance 0.2942, so 1.05 / (0.2942 + 0.05) = 3.05:1 with white
    assert problems(project, ('primary: "#00564d"', 'primary: "#5f9ea0"')) == [
        f"{FILE}:{line_of('primary:')}: at 'colours.primary' expected a contrast of at least 4.5:1 with "
        "#ffffff (white text on it in the header, and links on white pages), got #5f9ea0, which has 3.05:1. "
        "Fix: choose a darker colour"]


def test_a_dark_scheme_colour_too_dark_for_the_dark_background_is_refused(project: Path) -> None:
    assert problems(project, ('dark_accent: "#e0a8ec"', 'dark_accent: "#7a2e8a"')) == [
        f"{FILE}:{line_of('dark_accent:')}: at 'colours.dark_accent' expected a contrast of at least 4.5:1 "
        f"with {SLATE} (links and buttons on the dark scheme's background ({SLATE})), got #7a2e8a, which has "
        "1.98:1. Fix: choose a lighter colour"]


def test_without_a_dark_accent_the_accent_is_lightened_until_it_reads_on_the_dark_background(
        project: Path) -> None:
    loaded = load_clinic(project, write(project, ('  dark_accent: "#e0a8ec"', "")))
    assert contrast(loaded.clinic.colours.accent, SLATE) < 4.5
    assert contrast(dark_accent(loaded.clinic), SLATE) >= 4.5


def test_a_missing_logo_is_named(project: Path) -> None:
    assert problems(project, ("clinics/example-logo.svg", "clinics/acme-logo.svg")) == [
        f"{FILE}:{line_of('logo:')}: at 'logo' expected a logo file that exists, got "
        "'clinics/acme-logo.svg', "
        "which is not there. Fix: check the spelling, or copy the logo file to that place"]


def test_a_logo_outside_the_project_is_refused(project: Path) -> None:
    assert problems(project, ("clinics/example-logo.svg", "../logo.svg")) == [
        f"{FILE}:{line_of('logo:')}: at 'logo' expected a file inside the project, written relative to it "
        "(e.g. clinics/acme-logo.svg), got text ('../logo.svg'). Fix: copy the logo into the project's "
        "clinics/ folder and name it from there"]


def test_an_svg_logo_that_could_run_script_or_load_a_file_is_refused_with_each_reason(project: Path) -> None:
    (project / "clinics" / "bad-logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">\n'
        '<script>alert(2)</script>\n<image href="https://tracker.example/pixel.png"/>\n</svg>\n', "utf-8")
    line = line_of("logo:")
    assert problems(project, ("clinics/example-logo.svg", "clinics/bad-logo.svg")) == [
        f"{FILE}:{line}: at 'logo' expected a safe SVG logo: no event attributes (on...), got line 1: "
        "onload=\"alert(1)\" in clinics/bad-logo.svg. Fix: remove it; pictures on this site never run code",
        f"{FILE}:{line}: at 'logo' expected a safe SVG logo: no scripts, got line 2: a <script> element in "
        "clinics/bad-logo.svg. Fix: remove it; pictures on this site never run code",
        f"{FILE}:{line}: at 'logo' expected a safe SVG logo: a link to something inside this file ('#id'), "
        "got line 3: 'https://tracker.example/pixel.png' in clinics/bad-logo.svg. Fix: draw it inside the "
        "SVG; a "
        "picture may not load other files or data: URLs",
    ]


def test_a_phone_number_that_cannot_be_dialled_is_refused(project: Path) -> None:
    assert problems(project, ('phone: "0161 496 0123"', 'phone: "call reception"')) == [
        f"{FILE}:{line_of('phone:')}: at 'contact.phone' expected a phone number as patients dial it: 5 to "
        "15 digits, with spaces, brackets, dots, hyphens or a leading + if you like, got text ('call "
        "reception'). Fix: write only the number, e.g. 0161 496 0000 or +1 555 010 0100; put words in "
        "contact.ask_us"]


def test_an_emergency_number_that_is_not_digits_is_refused(project: Path) -> None:
    assert problems(project, ("  country: GB", '  country: GB\n  emergency_number: "nine-nine-nine"')) == [
        f"{FILE}:{line_of('country:') + 1}: at 'locale.emergency_number' expected the emergency number as "
        "digits only, like 911, 999 or 112, got text ('nine-nine-nine'). Fix: write just the digits people "
        "dial, without spaces or words"]


def test_a_country_without_a_preset_needs_its_emergency_number(project: Path) -> None:
    assert problems(project, ("  country: GB", "  country: NZ")) == [
        f"{FILE}:{line_of('country:')}: at 'locale.country' expected a country with a preset (GB (or UK), "
        "US, EU, or an EU country code such as IE, FR or DE), or locale.emergency_number, got 'NZ', which "
        "has no "
        "preset. Fix: add emergency_number: (and urgent_care:) under locale with your country's numbers"]


def test_a_language_without_content_is_a_clear_error(project: Path) -> None:
    folders = (PROJECT / "content").iterdir()
    have = ", ".join(sorted(p.name for p in folders if p.is_dir() and len(p.name) == 2))
    assert problems(project, ("languages: [en]", "languages: [en, xx]")) == [
        f"{FILE}:{line_of('languages:')}: at 'locale.languages[1]' expected a language this project has "
        f"content for ({have}), got 'xx', which has no content/xx/ folder. Fix: remove 'xx', or build it "
        "once content/xx/ has been translated"]


def test_every_problem_is_reported_at_once_in_reading_order(project: Path) -> None:
    found = problems(project, ('primary: "#00564d"', 'primary: "#ffff00"'),
                     ('phone: "0161 496 0123"', 'phone: "12"'),
                     ("\nname: \"Riverside", "\nname: \"<b>Riverside"))
    assert [message.split(": at ")[1].split(" ")[0] for message in found] == [
        "'name'", "'colours.primary'", "'contact.phone'"]


def test_the_reviewer_must_have_signed_off_the_pages_as_they_are_now(
        project: Path, content: SiteContext) -> None:
    latest = max(item.review.last_reviewed for _kind, item in content.all_pages())
    before = latest - dt.timedelta(days=30)
    loaded = load_clinic(project, write(project, ("date: 2026-11-29", f"date: {before.isoformat()}")))
    with pytest.raises(ClinicErrors) as raised:
        apply_clinic(loaded, content)
    assert [str(e) for e in raised.value.errors] == [
        f"{FILE}:{line_of('date:')}: at 'reviewer.date' expected a date on or after the pages' latest review "
        f"({latest.isoformat()}), got a date ({before.isoformat()}), before some pages last changed. Fix: "
        "ask the reviewer to read the current pages, then write the day they signed them off"]


def test_only_free_pages_can_be_left_out(project: Path, content: SiteContext) -> None:
    loaded = load_clinic(project, write(project, ("leave_out: []", "leave_out: [calf-raises]")))
    with pytest.raises(ClinicErrors) as raised:
        apply_clinic(loaded, content)
    assert str(raised.value.errors[0]).startswith(
        f"{FILE}:{line_of('leave_out:')}: at 'leave_out[0]' expected the id of a free page (")


def test_leaving_out_a_page_another_page_links_to_is_refused_naming_the_linking_pages(project: Path) -> None:
    loaded = load_clinic(project, write(project, ("leave_out: []", "leave_out: [model-comparison]")))
    pages = [RenderedPage("demo.md", "Demo", "See [how it compares](about/model-comparison.md)."),
             RenderedPage("topics/a.md", "A", '<a href="../../about/model-comparison/#top">more</a>'),
             RenderedPage("about/about.md", "About", "Nothing about it.")]
    with pytest.raises(ClinicErrors) as raised:
        check_left_out(loaded, pages)
    assert [str(e) for e in raised.value.errors] == [
        f"{FILE}:{line_of('leave_out:')}: at 'leave_out[0]' expected a page no other page links to, got "
        "'model-comparison', linked from 2 pages (demo.md, topics/a.md). Fix: keep the page (remove it from "
        "leave_out): leaving it out would break those links"]
    check_left_out(loaded, pages[2:])  # nothing links to it: fine


def test_the_command_line_prints_every_problem_and_builds_nothing(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    write(project, ('phone: "0161 496 0123"', 'phone: "12"'))
    code = main(["--project", str(project), "build", "--clinic", str(project / FILE)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"{FILE} has 1 problem:\n  {FILE}:{line_of('phone:')}: at 'contact.phone'")
    assert err.rstrip().endswith(f"Nothing was built; {project / 'site-clinics' / 'acme'} is unchanged.")
    assert not (project / "site-clinics").exists()


def test_out_and_site_dir_are_refused_where_they_do_not_apply(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--out", "/tmp/x"]) == 2
    assert main(["build", "--all-clinics", "--clinic", "clinics/example.yml"]) == 2
    assert main(["build", "--clinic", "clinics/example.yml", "--site-dir", "/tmp/x"]) == 2
    err = capsys.readouterr().err
    assert "--out goes with --clinic FILE" in err
    assert "not allowed with argument" in err
    assert "--site-dir is for the generic site" in err


@pytest.mark.parametrize(("locale", "number", "same_day"), [
    ("  country: GB", "999", "call NHS 111"),
    ("  country: US", "911", "call a nurse advice line"),
    ("  country: IE", "112", "call your doctor's out-of-hours service"),
    ('  country: NZ\n  emergency_number: "111"\n  urgent_care: "Healthline (0800 611 116)"', "111",
     "call Healthline (0800 611 116)"),
], ids=["UK", "US", "EU", "any other country"])
def test_every_call_now_sentence_gives_the_clinics_emergency_number(
        project: Path, content: SiteContext, locale: str, number: str, same_day: str) -> None:
    ctx = apply_clinic(load_clinic(project, write(project, ("  country: GB", locale))), content)
    emergency, urgent = ctx.care.levels[0], ctx.care.levels[1]
    assert emergency.title == f"Call {number} now"
    assert emergency.action.startswith(f"Call {number} now [@nhs-pe].")
    assert same_day in urgent.action
    at_once = [flag.action for flag in ctx.care.red_flags if flag.level == "emergency"]
    assert at_once and all(f"Call {number} now" in action for action in at_once)
    assert ctx.site.emergency_number == number
    assert ctx.site.name == content.site.name  # the content keeps its name: "<clinic> · from Second Heart"


BOTH = ("  languages: [en]", "  languages: [en, es]")
ASK = '  ask_us: "Questions about your legs? Ask any of our nurses at your next visit, or call us."'
HOURS = '  opening_hours: "Monday to Friday, 8am to 6pm"'
ADDRESS = '  address: "1 Example Street, Riverside, Manchester (made-up address)"'
ROLE = '  role: "Consultant vascular surgeon"'


def test_a_clinic_that_builds_two_languages_must_give_its_patients_words_in_both(project: Path) -> None:
    found = problems(project, BOTH, (ASK, '  ask_us: {en: "Questions? Ask our nurses."}'))
    assert (f"{FILE}:{line_of('ask_us:')}: at 'contact.ask_us' expected a text for every language the "
            "clinic builds (en, es), got none for 'es'. Fix: add es: with the words in that language"
            ) in found
    assert (f"{FILE}:{line_of('opening_hours:')}: at 'contact.opening_hours' expected one text per language "
            "the clinic builds (en, es), got one text. Fix: write it as {en: ..., es: ...}") in found


def test_each_language_of_a_clinic_gets_its_own_words(project: Path) -> None:
    path = write(project, BOTH,
                 (HOURS, '  opening_hours: {en: "Monday to Friday, 8am to 6pm", es: "De lunes a viernes"}'),
                 (ADDRESS, '  address: {en: "1 Example Street", es: "1 Example Street"}'),
                 (ASK, '  ask_us: {en: "Questions? Ask our nurses.", es: "¿Preguntas? Hable con nosotros."}'),
                 (ROLE, '  role: {en: "Consultant vascular surgeon", es: "Cirujana vascular"}'))
    spanish = load_clinic(project, path, "es").clinic
    english = load_clinic(project, path, "en").clinic
    assert spanish.contact.opening_hours == "De lunes a viernes"
    assert spanish.contact.ask_us == "¿Preguntas? Hable con nosotros."
    assert spanish.reviewer.role == "Cirujana vascular"
    assert english.contact.ask_us == "Questions? Ask our nurses."
