package dev.migrations.autogen.model.converted;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Booleans as 'Y'/'N' text everywhere, as an application might decide. */
@Converter(autoApply = true)
public class YesNoConverter implements AttributeConverter<Boolean, String> {
    @Override
    public String convertToDatabaseColumn(Boolean value) {
        return value == null ? null : value ? "Y" : "N";
    }

    @Override
    public Boolean convertToEntityAttribute(String text) {
        return text == null ? null : text.equals("Y");
    }
}
