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
    })
    void quotesWhatAShellWouldReadOtherwise(String value, String quoted) {
        assertThat(ShellQuote.quote(value)).isEqualTo(quoted);
    }

    @Test
    void anEmptyValueStaysOneWord() {
        assertThat(ShellQuote.quote("")).isEqualTo("''");
    }
}
