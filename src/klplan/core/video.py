"""Meetings held by video: a group may hold chosen meetings (every D, or some parts)
by video, and only those carry its video link (issue 16)."""

from __future__ import annotations

from dataclasses import dataclass

from klplan.core.plan import Meeting


@dataclass(frozen=True, slots=True)
class VideoMeetings:
    """Which of a group's meetings are by video: those of one of ``moments`` (B, D)
    in one of ``parts`` (None: every part)."""

    moments: tuple[str, ...] = ("B", "D")
    parts: tuple[int, ...] | None = None

    def covers(self, m: Meeting) -> bool:
        return m.moment in self.moments and (self.parts is None or m.part in self.parts)

    def label(self) -> str:
        """``D``, ``B, D``, ``D del 1, 3`` (the parts with the current language's word)."""
        from klplan.messages import t

        text = ", ".join(self.moments)
        if self.parts is not None:
            text = t("video.parts", moments=text, parts=", ".join(map(str, self.parts)))
        return text


def meeting_url(url: str | None, video: VideoMeetings | None, m: Meeting) -> str | None:
    """The video link of meeting ``m``: the group's link on every meeting, or, when
    the group chose its meetings by video, only on those."""
    if url is None or video is None or video.covers(m):
        return url
    return None
