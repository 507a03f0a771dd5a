package io.datamesh.config;



/** The Lake Formation resource type an LF-tag expression grant covers. */
public enum GrantResource {
    DATABASE, TABLE
}
