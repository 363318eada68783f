/**
 * What every service of the platform may need to know of the others, kept from their published events only: the
 * organisation units ({@link org.dangjian.runtime.platform.OrganisationUnitsReadModel}) and the members' names, branches
 * and login names ({@link org.dangjian.runtime.platform.MemberDirectoryReadModel}). A service declares the ones it
 * needs as beans; each is a read model of its own, rebuilt from the topics like any other.
 */
package org.dangjian.runtime.platform;
