package io.datamesh.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShellQuoteTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "arn:aws:iam::333333333333:role/datamesh-deployer | arn:aws:iam::333333333333:role/datamesh-deployer",
            "eu-west-1 | eu-west-1",
            "a b | 'a b'",
            "o'brien | 'o'\\''brien'",
            "$(id) | '$(id)'",
            "\"{\"\"Name\"\":\"\"x\"\"}\" | '{\"Name\":\"x\"}'",
            "meshes/prod-1.2 | meshes/prod-1.2",
            "a=b:c@d%e+f | a=b:c@d%e+f",
            "$HOME | '$HOME'",
            "a;rm -rf ~ | 'a;rm -rf ~'",
            "*.json | '*.json'",
            "\"tab\there\" | \"'tab\there'\"",
            "back\\slash | 'back\\slash'",
    })
    void quotesWhatAShellWouldReadOtherwise(String value, String quoted) {
        assertThat(ShellQuote.quote(value)).isEqualTo(quoted);
    }

    @Test
    void anEmptyValueStaysOneWord() {
        assertThat(ShellQuote.quote("")).isEqualTo("''");
    }
}
