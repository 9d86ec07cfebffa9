-- Which organizations are named alongside each project (e.g. which projects a bank is in).
SELECT project, project_type, party AS organization, articles
FROM v_project_parties
WHERE entity_type = 'organization'
ORDER BY project, articles DESC, organization;
