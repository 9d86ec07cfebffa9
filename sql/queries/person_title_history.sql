-- The titles each person held over time, as the news gave them.
SELECT name, title, country_iso3, valid_from, valid_to, articles
FROM v_person_roles
ORDER BY name, valid_from;
