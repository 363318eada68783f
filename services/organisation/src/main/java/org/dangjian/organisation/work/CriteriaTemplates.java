package org.dangjian.organisation.work;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The criteria sets the platform ships ({@code dangjian/criteria-templates.json}): "五化" standardisation, "五力"
 * uplift, 五好班子, 五好团队. They are data for committee staff to publish (as they are or changed), never published
 * by the service itself: every version of a set is a staff member's command.
 */
@Component
public class CriteriaTemplates {

    static final String RESOURCE = "dangjian/criteria-templates.json";

    private final List<Map<String, Object>> templates;

    public CriteriaTemplates() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            templates = List.copyOf(JsonMapper.builder().build().readValue(in, new TypeReference<List<Map<String, Object>>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Every built-in set, as a body of {@code POST /assessment-criteria}. */
    public List<Map<String, Object>> all() {
        return templates;
    }
}
