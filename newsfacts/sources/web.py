"""Fetch web pages safely (size, type, redirect and address checks) and turn them into Articles."""
from __future__ import annotations

import ipaddress
import re
import socket
import time
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

from ..models import Article, article_id_for
from .articles import split_dateline

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml",
                        "text/xml", "application/rdf+xml"})
ALL_TYPES = HTML_TYPES | FEED_TYPES
REDIRECTS = frozenset({301, 302, 303, 307, 308})
SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: not public, not is_private
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # IPv6 prefix that a NAT64 gateway maps onto IPv4


class FetchError(Exception):
    """A URL that could not be fetched or read; the message names the URL and the reason."""

    def __init__(self, url: str, reason: str, *, transient: bool = False):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        # Only network trouble is worth a retry by the orchestrator; refusals never change.
        self.transient = transient

    def __reduce__(self):  # keeps the keyword argument when pickled across processes
        return (_rebuild, (self.url, self.reason, self.transient))


def _rebuild(url: str, reason: str, transient: bool) -> FetchError:
    return FetchError(url, reason, transient=transient)


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may reach and how much it may read."""

    allow_private: bool = False  # RFC 1918, unique-local and shared (CGNAT) addresses
    allow_loopback: bool = False
    timeout: float = 10  # seconds, for connecting and for each read
    max_bytes: int = 5_000_000  # of the decoded body
    max_redirects: int = 5
    user_agent: str = "newsfacts/0.1 (+https://example.org/newsfacts)"
    deadline: float = 60  # seconds for the whole fetch: a trickling server cannot hold it forever


@dataclass
class Page:
    """A fetched document."""

    url: str  # as requested
    final_url: str  # after redirects
    content: bytes
    content_type: str  # media type, lower case, without parameters
    charset: str | None = None
    status: int = 200
    redirects: list[str] = field(default_factory=list)  # every hop after the first

    def text(self) -> str | None:
        """The body decoded with the declared charset; None when the server named none."""
        if not self.charset:
            return None
        try:
            return self.content.decode(self.charset, errors="replace")
        except LookupError:
            return None


# ---------------------------------------------------------------- address checks

def _numeric_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Hosts written as numbers in any form inet_aton takes: 2130706433, 0x7f.0.0.1, 0177.1."""
    if not re.fullmatch(r"[0-9a-fx.]+", host, re.I) or not host[0].isdigit():
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not public (None when it is)."""
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 reaches the IPv4 host: judge that one.
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is None and ip in NAT64:
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            return _kind(inner)
    for name, test in (("a loopback", "is_loopback"), ("an unspecified", "is_unspecified"),
                       ("a link-local", "is_link_local"), ("a multicast", "is_multicast"),
                       ("a reserved", "is_reserved"), ("a private", "is_private")):
        if getattr(ip, test):
            return name
    if ip in SHARED:
        return "a private"  # shared address space: inside a carrier's network
    if not ip.is_global:
        return "a reserved"
    return None


def _allowed(kind: str, policy: FetchPolicy) -> bool:
    return (kind == "a loopback" and policy.allow_loopback) or \
        (kind == "a private" and policy.allow_private)


def resolve_safe(url: str, policy: FetchPolicy) -> list[str]:
    """The addresses to connect to for `url`, each checked; one unsafe address refuses them all."""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(url, f"refused: scheme {scheme or '(none)'!r} is not http or https")
        host, port = parts.hostname, parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(url, f"refused: bad address ({exc})") from exc
    if not host:
        raise FetchError(url, "refused: the URL has no host")
    host = host.rstrip(".")
    literal: ipaddress.IPv4Address | ipaddress.IPv6Address | None
    try:
        literal = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        literal = _numeric_ipv4(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(url, f"host {host} does not resolve ({exc})", transient=True) from exc
        addresses = list(dict.fromkeys(ipaddress.ip_address(i[4][0].split("%", 1)[0])
                                       for i in infos))
        if not addresses:
            raise FetchError(url, f"host {host} does not resolve", transient=True)
    # One bad address refuses the host: the resolver could hand out any of them.
    for ip in addresses:
        kind = _kind(ip)
        if kind and not _allowed(kind, policy):
            via = "" if str(ip) == host else f"{host} resolves to "
            raise FetchError(url, f"refused: {via}{ip} is {kind} address")
    return [str(ip) for ip in addresses]


# ---------------------------------------------------------------- fetching

def _media_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    media, _, params = value.partition(";")
    m = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.I)
    return media.strip().lower(), (m.group(1) if m else None)


def _decoder(url: str, encoding: str):
    """A decompressor for the body, or None; unknown codings are refused rather than misread."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise FetchError(url, f"content encoding {encoding} is not supported")


def _read_body(url: str, response: httpx.Response, policy: FetchPolicy, ends_at: float) -> bytes:
    """The body, read chunk by chunk and abandoned as soon as it passes the size cap."""
    limit = policy.max_bytes
    decoder = _decoder(url, response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    total = 0

    def take(data: bytes) -> None:
        nonlocal total
        total += len(data)
        if total > limit:
            raise FetchError(url, f"page is over the {limit}-byte limit (stopped reading "
                                  f"after {total} bytes)")
        parts.append(data)

    for chunk in response.iter_raw():  # as received: a buffered chunk would hide the deadline
        if time.monotonic() > ends_at:
            raise FetchError(url, f"took longer than {policy.deadline:g} s", transient=True)
        if decoder is None:
            take(chunk)
            continue
        # max_length bounds what one compressed chunk may expand to (a gzip bomb).
        data = decoder.decompress(chunk, limit - total + 1)
        take(data)
        while decoder.unconsumed_tail:
            take(decoder.decompress(decoder.unconsumed_tail, limit - total + 1))
    if decoder is not None:
        take(decoder.flush())
    return b"".join(parts)


def fetch(url: str, policy: FetchPolicy = FetchPolicy(), *,
          accept: frozenset[str] = ALL_TYPES) -> Page:
    """GET a web page or feed, checking the target of every hop, its type and its size."""
    ends_at = time.monotonic() + policy.deadline
    timeout = httpx.Timeout(policy.timeout)
    headers = {"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate",
               "Accept": ", ".join(sorted(accept)) + ", */*;q=0.1"}
    current, hops = url, []
    while True:
        if time.monotonic() > ends_at:
            raise FetchError(url, f"took longer than {policy.deadline:g} s", transient=True)
        addresses = resolve_safe(current, policy)
        try:
            target = httpx.URL(current)
        except httpx.InvalidURL as exc:
            raise FetchError(current, f"not a valid URL ({exc})") from exc
        host_header = target.netloc.decode("ascii").rsplit("@", 1)[-1]
        # A client per hop: a pooled TLS connection must not serve another host name.
        # trust_env=False: a proxy from the environment would resolve names past our checks.
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            for n, address in enumerate(addresses, start=1):
                # Connect to an address just checked, so a second DNS answer cannot differ
                # (DNS rebinding); the Host header and the TLS name stay the original host.
                request = client.build_request(
                    "GET", target.copy_with(host=address),
                    headers={**headers, "Host": host_header},
                    extensions={"sni_hostname": target.raw_host.decode("ascii")})
                try:
                    response = client.send(request, stream=True)
                    break
                except httpx.ConnectError as exc:
                    if n == len(addresses):  # like any client: try the host's next address
                        raise FetchError(current, f"connection failed ({exc})",
                                         transient=True) from exc
                except httpx.TimeoutException as exc:
                    raise FetchError(current, f"timed out ({type(exc).__name__})",
                                     transient=True) from exc
                except httpx.HTTPError as exc:
                    raise FetchError(current, f"connection failed ({exc})",
                                     transient=True) from exc
            try:
                if response.status_code in REDIRECTS:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(current, f"HTTP {response.status_code} redirect "
                                                  "without a Location")
                    if len(hops) >= policy.max_redirects:
                        raise FetchError(url, f"more than {policy.max_redirects} redirects")
                    current = urljoin(current, location.strip())
                    hops.append(current)
                    continue
                if response.status_code != 200:
                    raise FetchError(current, f"HTTP {response.status_code} "
                                              f"{response.reason_phrase}".rstrip(),
                                     transient=response.status_code in (429, 502, 503, 504))
                media, charset = _media_type(response.headers.get("content-type"))
                if media not in accept:
                    what = "a web page" if accept <= HTML_TYPES else (
                        "a feed" if accept <= FEED_TYPES else "a web page or feed")
                    raise FetchError(current, f"content type {media or '(none)'} is not {what}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > policy.max_bytes \
                        and response.headers.get("content-encoding", "identity") == "identity":
                    raise FetchError(current, f"page is {int(declared)} bytes, over the "
                                              f"{policy.max_bytes}-byte limit")
                try:
                    content = _read_body(current, response, policy, ends_at)
                except httpx.TimeoutException as exc:
                    raise FetchError(current, "timed out while reading", transient=True) from exc
                except httpx.HTTPError as exc:
                    raise FetchError(current, f"connection failed while reading ({exc})",
                                     transient=True) from exc
                except zlib.error as exc:
                    raise FetchError(current, f"compressed body is corrupt ({exc})") from exc
                return Page(url=url, final_url=current, content=content, content_type=media,
                            charset=charset, status=response.status_code, redirects=hops)
            finally:
                response.close()


# ---------------------------------------------------------------- pages to articles

# Never text: active or embedded content, and markup a browser does not show as the page.
DROP_TREES = ("script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
              "applet", "svg", "math", "canvas", "audio", "video", "head/link")
# Void elements that libxml2 may wrap around what follows them: keep their content.
DROP_TAGS = ("embed", "param", "source", "track")


def _tree(page: Page):
    """The page parsed once, with active content removed before any text is taken from it."""
    import lxml.html  # trafilatura depends on lxml

    encoding = page.charset
    if not encoding:
        try:
            page.content.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = None  # let the parser read the page's own <meta charset>
    try:
        parser = lxml.html.HTMLParser(encoding=encoding, remove_comments=True, remove_pis=True)
    except LookupError:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(page.content, parser=parser)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise FetchError(page.url, f"not readable HTML ({exc})") from exc
    for el in root.xpath("|".join(f"//{t}" for t in DROP_TREES)):
        el.drop_tree()
    for el in root.xpath("|".join(f"//{t}" for t in DROP_TAGS)):
        el.drop_tag()
    for el in root.iter():
        if isinstance(el.tag, str):
            for attr in [a for a in el.attrib if a.lower().startswith("on")]:
                del el.attrib[attr]
    return root


def _meta_datetime(root) -> datetime | None:
    """The publication time from the usual meta tags, when it carries a time of day."""
    for value in root.xpath(
            "//meta[@property='article:published_time' or @name='article:published_time'"
            " or @itemprop='datePublished' or @name='pubdate' or @name='date']/@content"
            " | //time[@itemprop='datePublished']/@datetime"):
        value = str(value).strip()
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            continue
        if "T" in value or " " in value:
            return dt
    return None


def page_article(page: Page, fetched_at: datetime | None = None) -> Article:
    """The article a web page holds: main text, title, date, outlet; url, name and origin = URL."""
    import trafilatura  # heavy import, only paid by runs that read the web

    if page.content_type not in HTML_TYPES:
        raise FetchError(page.url, f"content type {page.content_type} is not a web page")
    fetched_at = fetched_at or datetime.now(timezone.utc)
    root = _tree(page)
    meta_time = _meta_datetime(root)  # read first: the extractor prunes the tree it is given
    doc = trafilatura.bare_extraction(
        root, url=page.final_url, include_comments=False, include_tables=False,
        include_images=False, include_links=False, with_metadata=True,
        # Dates after the fetch are page furniture (copyright years, "updated" stamps).
        date_extraction_params={"extensive_search": True, "original_date": True,
                                "max_date": fetched_at.date().isoformat()})
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise FetchError(page.url, "no article text")
    published = None
    if doc.date:
        try:
            published = date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    # The extractor falls back to the URL's host:port as site name; the host alone is the outlet.
    where = urlsplit(page.final_url)
    netloc, site = where.netloc.lower(), doc.sitename
    if not site or site.lower() in (netloc, netloc.removeprefix("www.")):
        site = where.hostname
    published_at = meta_time if published and meta_time and meta_time.date() == published else None
    return Article(
        article_id=article_id_for(text), text=text, name=page.url, origin=page.url,
        published=published, published_at=published_at, title=doc.title or None,
        url=page.url, source=site,
        dateline=split_dateline(text))
