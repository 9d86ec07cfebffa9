-- bridge_meeting_participant: one row per party of a meeting (a person, or an organization).
CREATE TABLE bridge_meeting_participant (
    meeting_key      BIGINT NOT NULL,
    participant_name VARCHAR NOT NULL,
    person_key       BIGINT,
    organization_key BIGINT,
    PRIMARY KEY (meeting_key, participant_name)
);
