/** Recognizers for content-management, e-commerce and headless-CMS CLIs (wp-cli, drush, bin/magento, directus, strapi; the hosted contentful, sanity, storyblok, prismic): which site a command acts on, and what it does there. */
package dev.interlock.analysis.shell.recognizers.cms;
