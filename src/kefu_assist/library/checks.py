"""The whole library, once every file is read: the files' sections merged, scripts checked
against each other (duplicate ids and codes, replies measured with every file's placeholders,
examples shared across categories, vague keywords) and the :class:`Library` built. Used by
:mod:`.loader`."""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .categories import CATEGORIES
from .model import Library, LoadResult, Problem, Script, shorten
from .nodes import SUPPORTED_VERSION, TOP_KEYS, _FileReader, _line
from .placeholders import MAX_REPLY_CHARS, ParsedTemplate, rendered_length
from .reading import _compose, _expansion_problem

# the start of the problem a library with no usable script gets (the sidebar words it for agents)
NO_SCRIPTS = "the library has no usable scripts"


def _check(files: list[Path], texts: list[tuple[Path, str]]) -> LoadResult:
    problems: list[Problem] = []
    roots: list[tuple[Path, Node | None]] = []
    for file, text in texts:
        root = _compose(text, str(file), problems)
        if root is False:
            continue
        if root is not None and "&" in text:
            bomb = _expansion_problem(root, text)  # type: ignore[arg-type]
            if bomb is not None:
                problems.append(Problem(str(file), _line(root), bomb))  # type: ignore[arg-type]
                continue
        roots.append((file, root))  # type: ignore[arg-type]
    if any(p.severity == "error" for p in problems):
        # A file that cannot be read or parsed: refuse the whole load rather than silently run
        # with part of a library.
        return LoadResult(None, tuple(problems))

    placeholders: dict[str, str] = {}
    vocabulary: list[str] = []
    synonyms: list[tuple[str, ...]] = []
    categories: dict[str, str] = dict(CATEGORIES)
    scripts: list[Script] = []
    seen: dict[str, Script] = {}
    replies_read: dict[str, tuple[tuple[int, ParsedTemplate], ...]] = {}
    codes: dict[str, Script] = {}
    parsed_files: list[tuple[_FileReader, dict[str, Node]]] = []

    for file, root in roots:
        reader = _FileReader(str(file), problems, categories)
        if root is None:
            problems.append(Problem(str(file), 0, "file is empty", severity="warning"))
            continue
        if not isinstance(root, MappingNode):
            reader.error(root, "a library file must be a mapping with 'version' and 'scripts'")
            continue
        top = reader.mapping(root, TOP_KEYS, "the library")
        if "version" not in top:
            reader.error(root, f"missing 'version' (add 'version: {SUPPORTED_VERSION}' at the top)")
        else:
            vnode = top["version"]
            if not (isinstance(vnode, ScalarNode) and vnode.value.strip() == str(SUPPORTED_VERSION)):
                reader.error(vnode, f"unsupported version '{shorten(str(getattr(vnode, 'value', '?')))}': this kefu-assist reads version {SUPPORTED_VERSION}")
        if "categories" in top:
            categories.update(reader.categories_section(top["categories"]))
        parsed_files.append((reader, top))

    # Categories first (any file may declare them), then everything that refers to them.
    for reader, top in parsed_files:
        if "placeholders" in top:
            placeholders.update(reader.placeholders(top["placeholders"]))
        if "vocabulary" in top:
            words = reader.text_list(top["vocabulary"], "vocabulary")
            vocabulary.extend(w for w, _ in words or [])
        if "synonyms" in top:
            synonyms.extend(reader.synonyms(top["synonyms"]))
        if "scripts" not in top:
            continue
        scripts_node = top["scripts"]
        if not isinstance(scripts_node, SequenceNode):
            reader.error(scripts_node, "scripts must be a list")
            continue
        for node in scripts_node.value:
            script = reader.script(node)
            if script is None:
                continue
            if script.id in seen:
                first = seen[script.id]
                reader.error(node, f"duplicate script id '{shorten(script.id)}' (first defined at {first.file}:{first.line})", script.id)
                continue
            if script.code is not None and script.code in codes:
                first = codes[script.code]
                reader.error(node, f"duplicate code '{script.code}' (first used by '{first.id}' at {first.file}:{first.line}); codes must be unique", script.id)
                continue
            seen[script.id] = script
            if script.code is not None:
                codes[script.code] = script
            scripts.append(script)
            replies_read[script.id] = tuple(reader.replies_read)

    # Placeholder defaults come from every file, so replies are measured once all are read.
    scripts = [s for s in scripts if _reply_fits(s, placeholders, replies_read[s.id], problems)]
    if not scripts:
        # An empty save, a file cut off before its first script, or every script broken: the
        # library would answer nothing. Refuse it like a file that does not parse, so the sidebar
        # keeps the library it has and says why.
        where = str(files[0]) if len(files) == 1 else str(files[0].parent)
        problems.append(Problem(where, 0, f"{NO_SCRIPTS}: a library needs at least one (was the file saved empty or cut off?)"))
        return LoadResult(None, tuple(problems))

    _warn_shared_examples(scripts, problems)
    _warn_vague_keywords(scripts, problems)
    library = Library(
        scripts=tuple(scripts),
        placeholders=MappingProxyType(placeholders),
        vocabulary=tuple(dict.fromkeys(vocabulary)),
        synonyms=tuple(synonyms),
        categories=MappingProxyType(categories),
        files=tuple(files),
    )
    return LoadResult(library, tuple(problems))


def _reply_fits(script: Script, placeholders: dict[str, str], replies: tuple[tuple[int, ParsedTemplate], ...], problems: list[Problem]) -> bool:
    fits = True
    for number, (line, parsed) in enumerate(replies):
        size = rendered_length(parsed, placeholders)
        if size > MAX_REPLY_CHARS:
            problems.append(
                Problem(script.file, line, f"reply {number + 1} is {size:,} characters with its placeholders filled in; a reply is at most {MAX_REPLY_CHARS:,}", shorten(script.id))
            )
            fits = False
    return fits


def _warn_shared_examples(scripts: list[Script], problems: list[Problem]) -> None:
    """The same buyer message under two scripts of different categories makes matching a coin
    toss: a team lead wants to hear about it."""
    owner: dict[str, Script] = {}
    for script in scripts:
        for example in script.examples:
            key = "".join(example.split())
            other = owner.get(key)
            if other is None:
                owner[key] = script
            elif other.category != script.category:
                problems.append(
                    Problem(
                        script.file,
                        script.line,
                        f"example '{shorten(example)}' is also an example of '{shorten(other.id)}' ({other.category}); matching cannot tell them apart",
                        shorten(script.id),
                        "warning",
                    )
                )


def _warn_vague_keywords(scripts: list[Script], problems: list[Problem]) -> None:
    """A keyword is a strong cue: one that buyers also use for other scenarios (今天, 老板) pulls
    unrelated messages to this script."""
    by_category: dict[str, list[str]] = {}
    for script in scripts:
        by_category.setdefault(script.category, []).extend(e.lower() for e in script.examples)
    corpus = {c: "\n".join(exs) for c, exs in by_category.items()}
    found_in: dict[str, frozenset[str]] = {}
    for script in scripts:
        for keyword in script.keywords:
            needle = keyword.lower()
            if needle not in found_in:
                found_in[needle] = frozenset(c for c, text in corpus.items() if needle in text)
            others = sorted(found_in[needle] - {script.category})
            if len(others) >= 3:
                problems.append(
                    Problem(
                        script.file,
                        script.line,
                        f"keyword '{shorten(keyword)}' also appears in examples of {len(others)} other categories ({', '.join(others[:4])}); a keyword should be a cue for this script only",
                        shorten(script.id),
                        "warning",
                    )
                )
